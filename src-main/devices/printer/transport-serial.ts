/**
 * Serial (RS-232 or USB-CDC) transport with `serialport`. There is no
 * connection to fail, so an unplugged or powered-off printer shows up as DLE
 * EOT timeouts (hardware.md §2). Open ports by path: SerialPort.list() needs
 * udev and never lists ptys.
 */
import { SerialPort } from 'serialport';
import { PrinterError } from './errors';
import { PrinterReplies, SerialQueue } from './reply-reader';
import type { StatusQuery } from './status';
import {
  dleEot,
  STATUS_TIMEOUT_MS_DEFAULT,
  WRITE_TIMEOUT_MS_DEFAULT,
  type PrinterTransport,
  type TransportFactory,
} from './transport';

export interface SerialPrinterOptions {
  path: string;
  /** 9600 is the common factory default for receipt printers; 115200 for USB-CDC. */
  baudRate?: number;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
}

/** The part of SerialPort (and SerialPortMock) this transport uses. */
export interface SerialPortLike {
  open(cb: (err: Error | null) => void): void;
  write(data: Uint8Array): boolean;
  drain(cb: (err: Error | null) => void): void;
  close(cb: (err: Error | null) => void): void;
  readonly isOpen: boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (err?: Error) => void): unknown;
}

export type SerialPortOpener = (o: { path: string; baudRate: number; autoOpen: false }) => SerialPortLike;

const realPort: SerialPortOpener = (o) => new SerialPort(o);

export function serialTransport(
  options: SerialPrinterOptions,
  openPort: SerialPortOpener = realPort,
): TransportFactory {
  return () => connectSerial(options, openPort);
}

export function connectSerial(
  options: SerialPrinterOptions,
  openPort: SerialPortOpener = realPort,
): Promise<PrinterTransport> {
  return new Promise((resolve, reject) => {
    let port: SerialPortLike;
    try {
      port = openPort({ path: options.path, baudRate: options.baudRate ?? 9600, autoOpen: false });
    } catch (err) {
      reject(
        new PrinterError('printer_offline', `serial printer ${options.path}: ${String(err)}`, { cause: err }),
      );
      return;
    }
    port.open((err) => {
      if (err)
        reject(
          new PrinterError('printer_offline', `serial printer ${options.path}: ${err.message}`, {
            cause: err,
          }),
        );
      else resolve(new SerialTransport(port, options));
    });
  });
}

class SerialTransport implements PrinterTransport {
  readonly canQuery = true;
  private readonly replies = new PrinterReplies();
  private readonly queue = new SerialQueue();
  private closed = false;

  constructor(
    private readonly port: SerialPortLike,
    private readonly options: SerialPrinterOptions,
  ) {
    port.on('data', (chunk) => this.replies.push(chunk));
    // A USB-serial adapter fires close when it is unplugged.
    port.on('close', () => {
      this.closed = true;
      this.replies.end();
    });
    port.on('error', () => undefined); // surfaced through write/drain callbacks
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.queue.run(() => this.writeNow(bytes));
  }

  private writeNow(bytes: Uint8Array): Promise<void> {
    const timeoutMs = this.options.writeTimeoutMs ?? WRITE_TIMEOUT_MS_DEFAULT;
    return new Promise((resolve, reject) => {
      const fail = (why: string, cause?: unknown): void =>
        reject(new PrinterError('write_failed', `serial printer ${this.options.path}: ${why}`, { cause }));
      if (this.closed || !this.port.isOpen) return fail('port closed');
      // Flow control (a printer out of paper holds CTS) can stall drain forever.
      const timer = setTimeout(() => fail(`not drained within ${timeoutMs} ms`), timeoutMs);
      this.port.write(bytes);
      this.port.drain((err) => {
        clearTimeout(timer);
        if (err) fail(err.message, err);
        else resolve();
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
    if (this.closed || !this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }
}
