/**
 * A serial device the till reads continuously (scanner, scale): opens the
 * port by path, hands every chunk to onData, reports its state, and reopens
 * with a bounded backoff when the port fails or disappears (a USB-serial
 * adapter pulled out fires 'close'). Writes are for host commands (zero, tare).
 */
import { SerialPort } from 'serialport';
import type { SerialPortLike, SerialPortOpener } from '../printer/transport-serial';

export type LinkState =
  /** not started, or stopped by the till */
  | { state: 'stopped' }
  /** opening the port (first time or after a failure) */
  | { state: 'connecting' }
  /** open: bytes flow */
  | { state: 'open' }
  /** the port could not be opened or went away; retried after a backoff */
  | { state: 'error'; message: string };

export interface SerialLinkOptions {
  path: string;
  baudRate: number;
  openPort?: SerialPortOpener;
  reconnectMsMin?: number;
  reconnectMsMax?: number;
}

export interface SerialLinkHandlers {
  onData(chunk: Uint8Array): void;
  onState?(state: LinkState): void;
}

const realPort: SerialPortOpener = (o) => new SerialPort(o);
const WRITE_TIMEOUT_MS = 2000;

export class SerialLink {
  private port: SerialPortLike | null = null;
  private current: LinkState = { state: 'stopped' };
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;

  constructor(
    private readonly options: SerialLinkOptions,
    private readonly handlers: SerialLinkHandlers,
  ) {
    this.retryMs = options.reconnectMsMin ?? 250;
  }

  get state(): LinkState {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.setState({ state: 'stopped' });
  }

  /** Sends a host command; rejects when the port is not open or does not drain in time. */
  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (port === null || !port.isOpen) return Promise.reject(new Error(`${this.options.path} is not open`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.options.path}: write not drained within ${WRITE_TIMEOUT_MS} ms`)),
        WRITE_TIMEOUT_MS,
      );
      port.write(bytes);
      port.drain((err) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      });
    });
  }

  private setState(s: LinkState): void {
    this.current = s;
    this.handlers.onState?.(s);
  }

  private open(): void {
    if (!this.running) return;
    this.setState({ state: 'connecting' });
    let port: SerialPortLike;
    try {
      port = (this.options.openPort ?? realPort)({
        path: this.options.path,
        baudRate: this.options.baudRate,
        autoOpen: false,
      });
    } catch (err) {
      this.fail(err);
      return;
    }
    port.on('data', (chunk) => {
      if (this.port === port) this.handlers.onData(chunk);
    });
    port.on('error', () => undefined); // a failing port also closes, or its open callback reports it
    port.on('close', () => {
      if (this.port !== port) return;
      this.port = null;
      this.fail(new Error('port closed (unplugged?)'));
    });
    port.open((err) => {
      if (err) return this.fail(err);
      if (!this.running) {
        port.close(() => undefined);
        return;
      }
      this.port = port;
      this.retryMs = this.options.reconnectMsMin ?? 250;
      this.setState({ state: 'open' });
    });
  }

  private fail(err: unknown): void {
    if (!this.running) return;
    this.setState({
      state: 'error',
      message: `${this.options.path}: ${err instanceof Error ? err.message : String(err)}`,
    });
    this.retryTimer = setTimeout(() => this.open(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.options.reconnectMsMax ?? 5000, this.retryMs * 2);
  }
}
