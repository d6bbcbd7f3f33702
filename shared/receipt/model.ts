/**
 * The one receipt document. The terminal core builds it from a committed sale;
 * layouts turn it into ESC/POS bytes (src-main/devices/printer) or a preview.
 * Amounts are fen, weights grams; nothing here is formatted yet.
 */
import type { Unit } from '../units';

export interface ReceiptLine {
  name: string;
  unit: Unit;
  /** grams for weighed units, a count for pieces */
  quantity: number;
  unit_price_fen: number;
  amount_fen: number;
}

export type ReceiptTender =
  | { kind: 'cash'; amount_fen: number; tendered_fen: number; change_fen: number }
  /** via 'gateway': a large amount paid through the institution's B2B bank page; reason says why (the code limit), printed with the link */
  | { kind: 'qr'; amount_fen: number; status: 'pending' | 'paid'; via?: 'gateway'; reason?: string }
  | { kind: 'payment_code'; amount_fen: number; status: 'pending' | 'paid' }
  | { kind: 'account'; amount_fen: number; buyer_name: string; balance_after_fen: number };

export interface ReceiptDoc {
  market_name: string;
  stall_name: string;
  receipt_no: string;
  /** UTC epoch ms; printed in the market's time zone */
  at_ms: number;
  time_zone: string;
  cashier: string;
  lines: ReceiptLine[];
  /** positive: the amount taken off the subtotal (line and sale discounts together) */
  discount_fen: number;
  /**
   * SIGNED adjustment added to the total: negative for 抹零 (rounding down to
   * the 角 or 元), positive when rounding half up went up.
   * total_fen = subtotal − discount_fen + rounding_fen.
   */
  rounding_fen: number;
  total_fen: number;
  tenders: ReceiptTender[];
  /** the signed pay URL for a QR tender still pending (the B2B gateway link for a gateway tender); printed as a QR code */
  pay_url?: string;
  footer?: string;
  /** a copy printed again on request (补打): marked on the paper, never kicks the drawer */
  reprint?: boolean;
}

export type PaperWidth = 58 | 80;
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };
