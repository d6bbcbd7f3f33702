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
  /**
   * Resolves with the next GS r 1 reply byte (the driver ends a job with GS r 1
   * where the profile supports it; the printer answers only after it processed
   * the job), or null when none came within the timeout or the link cannot read.
   * DLE EOT queries may run while this waits.
   */
  readTransmitStatus(timeoutMs: number): Promise<number | null>;
  close(): Promise<void>;
}

/** GS r 1: transmit paper sensor status, processed in sequence after the job. */
export const GS_R_PAPER: readonly number[] = [0x1d, 0x72, 0x01];

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
