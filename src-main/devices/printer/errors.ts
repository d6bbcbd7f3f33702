/** The closed set of ways a print can fail that the till handles as values. */

export const PRINTER_ERROR_CODES = [
  /** no connection, no status reply, not an ESC/POS printer, or reports itself offline */
  'printer_offline',
  'paper_out',
  'cover_open',
  'cutter_error',
  /** unrecoverable or unexplained error reported by the printer */
  'printer_error',
  /** the connection broke or stalled while sending the job: it may be half printed */
  'write_failed',
] as const;

export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}
