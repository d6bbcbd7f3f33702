/**
 * USB printer through the kernel's usblp device file (/dev/usb/lp0; the user
 * needs the `lp` group). Write-only on purpose: a blocking read on the device
 * would pin a libuv thread, so status is not read and the driver prints blind.
 * The device file does not exist while the printer is unplugged → offline.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PrinterError } from './errors';
import { WRITE_TIMEOUT_MS_DEFAULT, type PrinterTransport, type TransportFactory } from './transport';

export interface FilePrinterOptions {
  path: string;
  writeTimeoutMs?: number;
}

export function fileTransport(options: FilePrinterOptions): TransportFactory {
  return () => connectFile(options);
}

export async function connectFile(options: FilePrinterOptions): Promise<PrinterTransport> {
  let handle: FileHandle;
  try {
    // No O_CREAT: an unplugged printer must not turn into a regular file named lp0.
    handle = await open(options.path, constants.O_WRONLY | constants.O_APPEND);
  } catch (err) {
    throw new PrinterError(
      'printer_offline',
      `USB printer ${options.path}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  return new FileTransport(handle, options);
}

class FileTransport implements PrinterTransport {
  readonly canQuery = false;
  private closed = false;

  constructor(
    private readonly handle: FileHandle,
    private readonly options: FilePrinterOptions,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closed) throw new PrinterError('write_failed', `USB printer ${this.options.path}: closed`);
    const timeoutMs = this.options.writeTimeoutMs ?? WRITE_TIMEOUT_MS_DEFAULT;
    let timer: NodeJS.Timeout | undefined;
    // The timeout frees the caller; a write the kernel is still blocking on finishes or fails on its own.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PrinterError(
              'write_failed',
              `USB printer ${this.options.path}: not written within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.writeAll(bytes), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    let at = 0;
    try {
      while (at < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, at, bytes.length - at);
        at += bytesWritten;
      }
    } catch (err) {
      throw new PrinterError(
        'write_failed',
        `USB printer ${this.options.path}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  }

  query(): Promise<number | null> {
    return Promise.resolve(null);
  }

  readTransmitStatus(): Promise<number | null> {
    return Promise.resolve(null);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}
