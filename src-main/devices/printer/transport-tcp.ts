/**
 * TCP 9100 ("raw"/JetDirect) transport. Many printers take one connection at
 * a time, so the driver opens one per job: connect, query status, print, close.
 */
import net from 'node:net';
import { PrinterError } from './errors';
import { PrinterReplies, SerialQueue } from './reply-reader';
import type { StatusQuery } from './status';
import {
  CONNECT_TIMEOUT_MS_DEFAULT,
  dleEot,
  STATUS_TIMEOUT_MS_DEFAULT,
  WRITE_TIMEOUT_MS_DEFAULT,
  type PrinterTransport,
  type TransportFactory,
} from './transport';

export interface TcpPrinterOptions {
  host: string;
  port?: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
}

const CLOSE_TIMEOUT_MS = 1000;

export function tcpTransport(options: TcpPrinterOptions): TransportFactory {
  return () => connectTcp(options);
}

export function connectTcp(options: TcpPrinterOptions): Promise<PrinterTransport> {
  const port = options.port ?? 9100;
  const where = `${options.host}:${port}`;
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: options.host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new PrinterError(
          'printer_offline',
          `printer ${where}: no connection within ${options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS_DEFAULT} ms`,
        ),
      );
    }, options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS_DEFAULT);
    const onConnectError = (err: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(new PrinterError('printer_offline', `printer ${where}: ${err.message}`, { cause: err }));
    };
    socket.once('error', onConnectError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onConnectError);
      socket.setNoDelay(true);
      resolve(new TcpTransport(socket, where, options));
    });
  });
}

class TcpTransport implements PrinterTransport {
  readonly canQuery = true;
  private readonly replies = new PrinterReplies();
  private readonly queue = new SerialQueue();
  private lastError: Error | null = null;
  private closed = false;

  constructor(
    private readonly socket: net.Socket,
    private readonly where: string,
    private readonly options: TcpPrinterOptions,
  ) {
    socket.on('data', (chunk: Buffer) => this.replies.push(chunk));
    socket.on('error', (err) => {
      this.lastError = err;
    });
    socket.on('close', () => {
      this.closed = true;
      this.replies.end();
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.queue.run(() => this.writeNow(bytes));
  }

  private writeNow(bytes: Uint8Array): Promise<void> {
    const timeoutMs = this.options.writeTimeoutMs ?? WRITE_TIMEOUT_MS_DEFAULT;
    return new Promise((resolve, reject) => {
      if (this.closed || this.socket.destroyed) {
        reject(
          new PrinterError(
            'write_failed',
            `printer ${this.where}: connection closed${this.lastError ? ` (${this.lastError.message})` : ''}`,
          ),
        );
        return;
      }
      const fail = (why: string, cause?: unknown): void => {
        clearTimeout(timer);
        this.socket.off('close', onClose);
        reject(new PrinterError('write_failed', `printer ${this.where}: ${why}`, { cause }));
      };
      const onClose = (): void =>
        fail(
          `connection closed while writing${this.lastError ? ` (${this.lastError.message})` : ''}`,
          this.lastError,
        );
      // A printer out of paper mid-job stops reading; the TCP window fills and the write never drains.
      const timer = setTimeout(() => {
        this.socket.destroy();
        fail(`write not drained within ${timeoutMs} ms`);
      }, timeoutMs);
      this.socket.once('close', onClose);
      // The callback runs once the bytes are handed to the kernel (after any 'drain').
      this.socket.write(bytes, (err) => {
        if (err) return fail(err.message, err);
        clearTimeout(timer);
        this.socket.off('close', onClose);
        resolve();
      });
    });
  }

  query(n: StatusQuery, timeoutMs?: number): Promise<number | null> {
    return this.queue.run(async () => {
      if (this.closed) return null;
      this.replies.status.clear();
      await this.writeNow(dleEot(n));
      return this.replies.status.read(timeoutMs ?? this.options.statusTimeoutMs ?? STATUS_TIMEOUT_MS_DEFAULT);
    });
  }

  readTransmitStatus(timeoutMs: number): Promise<number | null> {
    return this.replies.transmit.read(timeoutMs);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.destroy(), CLOSE_TIMEOUT_MS);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }
}
