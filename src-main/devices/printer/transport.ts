/**
 * One interface for every way bytes reach a printer (TCP 9100, serial, USB
 * device file), so the driver and the print queue never care which.
 */
import type { StatusQuery } from './status';

export interface PrinterTransport {
  /**
   * false for write-only links (a USB device file): the driver then cannot
   * check paper or cover before printing and prints blind.
   */
  readonly canQuery: boolean;
  /** Resolves once every byte has left this process (written to the OS); rejects with PrinterError 'write_failed'. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Sends DLE EOT n and resolves with the one reply byte, or null when none
   * came within the timeout (or the transport cannot read, e.g. a write-only
   * device file). Never call it in the middle of a job's bytes.
   */
  query(n: StatusQuery, timeoutMs?: number): Promise<number | null>;
  close(): Promise<void>;
}

/** Opens a fresh transport; rejects with PrinterError 'printer_offline' when the printer cannot be reached. */
export type TransportFactory = () => Promise<PrinterTransport>;

/** DLE EOT n */
export function dleEot(n: StatusQuery): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** About 1 s, as receiptio and hardware.md §2 suggest: a real-time reply comes in milliseconds. */
export const STATUS_TIMEOUT_MS_DEFAULT = 1000;
/** A job of a few KB to a stalled printer: fail rather than hang the print queue. */
export const WRITE_TIMEOUT_MS_DEFAULT = 15_000;
export const CONNECT_TIMEOUT_MS_DEFAULT = 3000;
