/**
 * The one receipt document. The terminal core builds it from a committed sale;
 * layouts turn it into ESC/POS bytes (src-main/devices/printer) or a preview.
 * Amounts are fen, weights grams; nothing here is formatted yet.
 */
import type { TenderKind } from '../journal/entries';
import type { TenderStatus } from '../sales/outcome';
import type { Takings } from '../sales/takings';
import type { Unit } from '../units';

export interface ReceiptLine {
  name: string;
  unit: Unit;
  /** net grams for weighed units, a count for pieces */
  quantity: number;
  /** grams of container taken off a weighed line (gross = quantity + tare_g); 0 or absent: none */
  tare_g?: number;
  unit_price_fen: number;
  /** the list price when the line was bargained (议价): printed as 原价 beside the bargained unit price */
  list_price_fen?: number;
  amount_fen: number;
}

export type ReceiptTender =
  | { kind: 'cash'; amount_fen: number; tendered_fen: number; change_fen: number }
  /** via 'gateway': a large amount paid through the institution's B2B bank page; reason says why (the code limit), printed with the link */
  | {
      kind: 'qr';
      amount_fen: number;
      status: TenderStatus;
      via?: 'gateway';
      reason?: string;
      txn_id?: string;
    }
  /** a paid code prints the institution's transaction number; a failed or reversed one its reason */
  | { kind: 'payment_code'; amount_fen: number; status: TenderStatus; txn_id?: string; reason?: string }
  | { kind: 'account'; amount_fen: number; buyer_name: string; balance_after_fen: number };

export interface ReceiptDoc {
  market_name: string;
  stall_name: string;
  /** the stall's number in the hall (摊位号) and phone, printed under its name */
  stall_no?: string;
  stall_phone?: string;
  receipt_no: string;
  /** UTC epoch ms; printed in the market's time zone */
  at_ms: number;
  time_zone: string;
  cashier: string;
  lines: ReceiptLine[];
  /** positive: the amount taken off the subtotal (line and sale discounts together, the 抹零 apart) */
  discount_fen: number;
  /** positive: an ad-hoc 抹零 the cashier took off the total (approved within the stall's rule) */
  round_off_fen?: number;
  /**
   * SIGNED adjustment added to the total: negative for 抹零 (rounding down to
   * the 角 or 元), positive when rounding half up went up.
   * total_fen = subtotal − discount_fen − round_off_fen + rounding_fen.
   */
  rounding_fen: number;
  total_fen: number;
  tenders: ReceiptTender[];
  /** the signed pay URL for a QR tender still pending (the B2B gateway link for a gateway tender); printed as a QR code */
  pay_url?: string;
  /** the stall's own line above the market's name (set on the desk) */
  header?: string;
  footer?: string;
  /** a copy printed again on request (补打): marked on the paper, never kicks the drawer */
  reprint?: boolean;
  /** an open sale: what it still owes with no tender standing for it */
  owed_fen?: number;
  /** refunds of the sale so far (a reprint is rebuilt from the sale as it is now) */
  refunds?: { refund_no: string; amount_fen: number }[];
  /** set on a refund slip (退款单) instead of a sale receipt: what went back, to which tender, who did and who allowed it */
  refund?: RefundSlip;
  /** set on a printed Z report or shift slip instead of a sale receipt: the same figures as the screen */
  takings_slip?: TakingsSlip;
}

/** A printed Z report (日结) or shift slip (交班单): what the report's screen shows, from the same takings. */
export interface TakingsSlip {
  title: string;
  /** lines under the title: Z no., business day, shift times, receipt range */
  heading: { label: string; value: string }[];
  takings: Takings;
  /** money lines after the takings: refunds, voids, net; a shift's float, expected and counted cash */
  money: { label: string; fen: number; signed?: boolean }[];
}

export interface RefundSlip {
  refund_no: string;
  /** the sale's receipt number */
  sale_receipt_no: string;
  /** lines refunded: name, quantity given back, amount */
  lines: { name: string; unit: Unit; quantity: number; amount_fen: number }[];
  tenders: { kind: TenderKind; amount_fen: number }[];
  amount_fen: number;
  cashier: string;
  /** the manager who allowed it; null when none was needed */
  approved_by: string | null;
  reason: string;
}

export type PaperWidth = 58 | 80;
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };
