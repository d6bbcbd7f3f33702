/**
 * The journal's entry types and their payloads: what a terminal records and
 * what the server projects. Payloads only grow new optional fields; a new
 * meaning gets a new type. Amounts are fen, weights grams, times epoch ms.
 */
import { z } from 'zod';
import { idSchema as id } from '../ids';
import { fenSchema as fen } from '../money';
import { businessDaySchema as day } from '../time';
import { SALE_STATUSES, TENDER_STATUSES, WALLETS } from '../sales/outcome';
import { UNITS } from '../units';

export const TENDER_KINDS = ['cash', 'qr', 'payment_code', 'account'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];
/** How a QR tender is paid when not by a wallet app: the institution's B2B bank gateway (amounts above the code limits). */
export const TENDER_VIAS = ['gateway'] as const;
export type TenderVia = (typeof TENDER_VIAS)[number];
// A tender's outcome (pending → paid | failed | reversed | closed): shared/sales/outcome.ts.
export { TENDER_STATUSES, type TenderStatus } from '../sales/outcome';

export const tenderPayload = z.object({
  tender_no: z.number().int().positive(),
  kind: z.enum(TENDER_KINDS),
  amount_fen: fen,
  tendered_fen: fen,
  change_fen: fen,
  status: z.enum(TENDER_STATUSES).default('paid'),
  buyer_id: id.nullable().default(null),
  /** set only for a QR tender paid through the B2B gateway */
  via: z.enum(TENDER_VIAS).optional(),
});

export const saleLinePayload = z.object({
  line_no: z.number().int().positive(),
  product_id: id,
  name: z.string(),
  unit: z.enum(UNITS),
  kind: z.enum(['weight', 'count', 'amount']).optional(),
  quantity: z.number().int().nonnegative(),
  tare_g: z.number().int().nonnegative().default(0),
  unit_price_fen: fen,
  amount_fen: fen,
  discount_fen: fen.default(0),
  /** the line's share of the total; what refunding the whole line gives back */
  net_fen: fen.optional(),
});

export const entryPayloads = {
  'sale.completed': z.object({
    sale_id: id,
    receipt_no: z.string(),
    business_day: day,
    cashier: z.string(),
    cashier_id: id.optional(),
    shift_id: id.nullable().optional(),
    stall_id: id.optional(),
    status: z.enum(['pending', 'completed']).default('completed'),
    subtotal_fen: fen.optional(),
    line_discount_fen: fen.default(0),
    sale_discount_fen: fen.default(0),
    rounding_fen: fen.default(0),
    total_fen: fen,
    at_ms: z.number().int(),
    lines: z.array(saleLinePayload).min(1),
    tenders: z.array(tenderPayload).min(1),
  }),
  // reason: the institution's words for a failed, reversed or closed tender (shared/sales/failure-reasons.ts reads them)
  'tender.updated': z.object({
    sale_id: id,
    tender_no: z.number().int().positive(),
    status: z.enum(TENDER_STATUSES),
    external_ref: z.string().nullable(),
    sale_status: z.enum(SALE_STATUSES),
    reason: z.string().max(200).nullable().optional(),
    /** the wallet that paid, when the institution said */
    wallet: z.enum(WALLETS).nullable().optional(),
  }),
  // Another tender on an open sale (what a failed or reversed one left owed); sale_status after it.
  'tender.added': z.object({ sale_id: id, tender: tenderPayload, sale_status: z.enum(SALE_STATUSES) }),
  // An open sale given up: nothing was paid on it (its waiting tenders were cancelled first); no takings.
  'open_sale.voided': z.object({
    sale_id: id,
    business_day: day,
    cashier_id: id,
    approved_by: id.nullable(),
    total_fen: fen,
    reason: z.string(),
  }),
  'sale.parked': z.object({ parked_id: id, cashier_id: id, line_count: z.number().int(), total_fen: fen }),
  'sale.resumed': z.object({ parked_id: id, cashier_id: id }),
  'sale.voided': z.object({
    void_id: id,
    business_day: day,
    cashier_id: id,
    line_count: z.number().int(),
    total_fen: fen,
    reason: z.string(),
  }),
  'refund.created': z.object({
    refund_id: id,
    refund_no: z.string(),
    sale_id: id,
    business_day: day,
    cashier_id: id,
    approved_by: id.nullable(),
    amount_fen: fen,
    reason: z.string(),
    lines: z.array(
      z.object({ line_no: z.number().int(), quantity: z.number().int().nonnegative(), amount_fen: fen }),
    ),
    tenders: z.array(z.object({ tender_no: z.number().int(), kind: z.enum(TENDER_KINDS), amount_fen: fen })),
  }),
  'cashier.signed_in': z.object({ cashier_id: id }),
  // unsynced: entries not yet acknowledged by the server at sign-out; approved_by: the manager who allowed it (null when none were at risk)
  'cashier.signed_out': z.object({
    cashier_id: id,
    unsynced: z.number().int().nonnegative().optional(),
    approved_by: id.nullable().optional(),
  }),
  'shift.opened': z.object({ shift_id: id, cashier_id: id, business_day: day, float_fen: fen }),
  'shift.closed': z.object({
    shift_id: id,
    cashier_id: id,
    counted_fen: fen,
    expected_fen: fen,
    over_short_fen: fen,
  }),
  // z_no: the Z period of the day (selling after a close opens the next one); absent = 1
  'day.closed': z.object({
    business_day: day,
    cashier_id: id,
    z_no: z.number().int().positive().optional(),
    z_report: z.record(z.string(), z.unknown()),
  }),
  // 议价 (kind line: product, list and bargained unit price) or 抹零 (kind round_off), who did it, who allowed it, why
  'price.overridden': z.object({
    override_id: id,
    kind: z.enum(['line', 'round_off']),
    product_id: id.nullable(),
    list_price_fen: fen.nullable(),
    unit_price_fen: fen.nullable(),
    cut_fen: fen,
    reason: z.string(),
    cashier_id: id,
    approved_by: id.nullable(),
  }),
} as const;

export type EntryType = keyof typeof entryPayloads;
export type EntryPayload<T extends EntryType> = z.input<(typeof entryPayloads)[T]>;
