/**
 * DLE EOT n (10 04 n) replies → printer status. Pure; bit meanings per
 * hardware.md §2 (Epson dle_eot, python-escpos, receiptio). A reply byte is
 * valid only when (b & 0x93) === 0x12; anything else means "not an ESC/POS
 * status reply" (wrong device, line noise, an ASB frame).
 */

export type StatusQuery = 1 | 2 | 3 | 4;
export const STATUS_QUERIES: readonly StatusQuery[] = [1, 2, 3, 4];

export function isValidStatusByte(b: number): boolean {
  return Number.isInteger(b) && b >= 0 && b <= 0xff && (b & 0x93) === 0x12;
}

export interface PrinterStatus {
  /** n=1 bit 3 clear */
  online: boolean;
  /** n=1 bit 2: drawer kick-out connector pin 3 is high (open or closed depends on the drawer) */
  drawerPin3High: boolean;
  /** n=1 bit 5 */
  waitingForRecovery: boolean;
  /** n=1 bit 6 */
  feedButtonPressed: boolean;
  /** n=2 bit 2 */
  coverOpen: boolean;
  /** n=2 bit 3 */
  feedingByButton: boolean;
  /** n=2 bit 5 or n=4 bits 5–6: printing stopped, no paper */
  paperOut: boolean;
  /** n=2 bit 6 */
  errorOccurred: boolean;
  /** n=3 bit 3 */
  cutterError: boolean;
  /** n=3 bit 5 */
  unrecoverableError: boolean;
  /** n=3 bit 6: head too hot, cover opened while printing; clears by itself */
  autoRecoverableError: boolean;
  /** n=4 bits 2–3: a warning, printing still works */
  paperNearEnd: boolean;
}

export const HEALTHY_STATUS: PrinterStatus = {
  online: true,
  drawerPin3High: false,
  waitingForRecovery: false,
  feedButtonPressed: false,
  coverOpen: false,
  feedingByButton: false,
  paperOut: false,
  errorOccurred: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
  paperNearEnd: false,
};

export type StatusReplies = Partial<Record<StatusQuery, number>>;

/**
 * Folds the replies that came back into one status. Queries that were not
 * asked leave their flags false. Throws on an invalid byte: the caller checks
 * isValidStatusByte first and decides what an invalid reply means.
 */
export function parseStatus(replies: StatusReplies): PrinterStatus {
  const s = { ...HEALTHY_STATUS };
  for (const n of STATUS_QUERIES) {
    const b = replies[n];
    if (b === undefined) continue;
    if (!isValidStatusByte(b)) throw new RangeError(`invalid DLE EOT ${n} reply 0x${b.toString(16)}`);
    switch (n) {
      case 1:
        s.drawerPin3High = (b & 0x04) !== 0;
        s.online = (b & 0x08) === 0;
        s.waitingForRecovery = (b & 0x20) !== 0;
        s.feedButtonPressed = (b & 0x40) !== 0;
        break;
      case 2:
        s.coverOpen = (b & 0x04) !== 0;
        s.feedingByButton = (b & 0x08) !== 0;
        s.paperOut ||= (b & 0x20) !== 0;
        s.errorOccurred = (b & 0x40) !== 0;
        break;
      case 3:
        s.cutterError = (b & 0x08) !== 0;
        s.unrecoverableError = (b & 0x20) !== 0;
        s.autoRecoverableError = (b & 0x40) !== 0;
        break;
      case 4:
        s.paperNearEnd = (b & 0x0c) !== 0;
        s.paperOut ||= (b & 0x60) !== 0;
        break;
    }
  }
  return s;
}

export type StatusProblem = 'cover_open' | 'paper_out' | 'cutter_error' | 'printer_error' | 'printer_offline';

/**
 * Why this printer cannot print now, most actionable cause first (a cashier
 * can close a cover or load paper), or null when it can. Near-end paper and
 * an auto-recoverable error do not stop a job.
 */
export function statusProblem(s: PrinterStatus): StatusProblem | null {
  if (s.coverOpen) return 'cover_open';
  if (s.paperOut) return 'paper_out';
  if (s.cutterError) return 'cutter_error';
  if (s.unrecoverableError) return 'printer_error';
  if (!s.online) return s.errorOccurred ? 'printer_error' : 'printer_offline';
  return null;
}
