/**
 * Every renderer ↔ core call answers one envelope (Signal's wrapResult).
 * Error codes are a closed set: the UI maps each to words for the cashier.
 */
export const ERROR_CODES = [
  'bad_request', // input failed validation at the edge
  'unauthorized', // browser-mode request without the launch token
  'not_found', // unknown method or entity
  'conflict', // state does not allow it (e.g. sale already completed)
  'insufficient_tender', // cash given is less than the total, or tenders do not cover it
  'invalid_cart', // a line or discount the cart rules refuse
  'credit_limit_exceeded', // an on-account sale above the buyer's remaining credit
  'qr_limit_exceeded', // a QR / payment-code tender above the per-payer code limit: pay it via the B2B gateway
  'not_signed_in', // no cashier is signed in
  'wrong_pin', // the PIN matches no cashier (or no manager, where one is needed)
  'manager_required', // the action needs a manager's PIN
  'refund_exceeds_paid', // a refund above what was paid and not yet refunded
  'printer_error', // the printer refused or is unreachable; the job waits in the queue
  'storage_error', // SQLite refused the write (disk full, locked); nothing was written
  'internal', // a bug; details are in the core's log
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Numbers a refusal carries so the UI can word it, e.g. how many journal entries a sign-out would leave unsynced. */
export interface ErrorDetails {
  unsynced?: number;
  oldest_unsynced_ms?: number | null;
  /** a day close refused for open sales: which ones, and what each still waits for */
  open_sales?: {
    sale_id: string;
    receipt_no: string;
    total_fen: number;
    pending_fen: number;
    owed_fen: number;
  }[];
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: ErrorDetails): Envelope<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** An expected failure carried as a value through the core up to the envelope. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
