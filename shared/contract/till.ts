/** The selling part of the renderer ↔ core contract: cashiers, sales, tenders, parking, refunds, shifts, day close. */
import { z } from 'zod';
import { idSchema as id } from '../ids';
import { TENDER_KINDS } from '../journal/entries';
import { fenSchema as fen } from '../money';
import { paymentCodeSchema } from '../pay/payment-code';
import { ULID_RE } from '../ulid';
import { BARGAIN_REASONS } from '../sales/bargain';
import { SALE_STATUSES, TENDER_STATUSES } from '../sales/outcome';
import {
  COUNTED_CASH_FEN_MAX,
  LINE_AMOUNT_FEN_MAX,
  LINES_PER_SALE_MAX,
  PARK_LABEL_CHARS_MAX,
  PRICE_FEN_MAX,
  QUANTITY_MAX,
  SALE_TOTAL_FEN_MAX,
  TENDERS_PER_SALE_MAX,
  WEIGHT_G_MAX,
} from '../limits';

/** An amount the till accepts as input: never negative, never past its named ceiling (shared/limits.ts). */
const fenUpTo = (max: number) => fen.nonnegative().max(max);

export const lineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('weight'),
    gross_g: z.number().int().positive().max(WEIGHT_G_MAX),
    tare_g: z.number().int().nonnegative().max(WEIGHT_G_MAX),
  }),
  z.object({ kind: z.literal('count'), count: z.number().int().positive().max(QUANTITY_MAX) }),
  z.object({ kind: z.literal('amount'), amount_fen: fenUpTo(LINE_AMOUNT_FEN_MAX).positive() }),
]);

const cartLinesSchema = z
  .array(
    z.object({
      product_id: id,
      entry: lineEntrySchema,
      discount_fen: fenUpTo(LINE_AMOUNT_FEN_MAX).default(0),
      /** a bargained price (议价) approved by price-override for this product and entry */
      override_id: id.optional(),
    }),
  )
  .max(LINES_PER_SALE_MAX);
export const cartSchema = z.object({
  lines: cartLinesSchema.min(1),
  sale_discount_fen: fenUpTo(SALE_TOTAL_FEN_MAX).default(0),
  /** an ad-hoc 抹零 approved by price-override for this sale's total */
  round_off_id: id.optional(),
});
export type CartWire = z.input<typeof cartSchema>;

/** The client-made ULID naming a sale from the moment it is opened: stored before sending, sent again on every retry. */
export const saleIdSchema = z.string().regex(ULID_RE, 'sale_id is a ULID');

/** The sale in progress as the core holds it (src-main/sales/current-sale.ts): no line yet is a sale not started. */
export const currentSaleSchema = z.object({
  sale_id: saleIdSchema,
  lines: cartLinesSchema,
  sale_discount_fen: fenUpTo(SALE_TOTAL_FEN_MAX).default(0),
  round_off_id: id.optional(),
  buyer_id: id.nullable().default(null),
});
export type CurrentSaleWire = z.input<typeof currentSaleSchema>;

export const tenderInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cash'), tendered_fen: fenUpTo(SALE_TOTAL_FEN_MAX) }),
  /** via 'gateway': above the code limits (shared/pay/qr-limits.ts), the printed link opens the institution's B2B bank page */
  z.object({
    kind: z.literal('qr'),
    amount_fen: fenUpTo(SALE_TOTAL_FEN_MAX).positive(),
    via: z.enum(['gateway']).optional(),
  }),
  z.object({
    kind: z.literal('payment_code'),
    amount_fen: fenUpTo(SALE_TOTAL_FEN_MAX).positive(),
    code: paymentCodeSchema,
  }),
  z.object({ kind: z.literal('account'), amount_fen: fenUpTo(SALE_TOTAL_FEN_MAX).positive(), buyer_id: id }),
]);

const cashierSchema = z.object({ id, name: z.string(), role: z.enum(['cashier', 'manager']) });
const shiftSchema = z.object({
  id,
  cashier_id: id,
  business_day: z.string(),
  opened_ms: z.number().int(),
  float_fen: fen,
  closed_ms: z.number().int().nullable(),
  counted_fen: fen.nullable(),
  expected_fen: fen.nullable(),
  over_short_fen: fen.nullable(),
});
const count = z.number().int().nonnegative();
const kindFigures = z.object({
  count,
  paid_fen: fen,
  receivable_fen: fen,
  neither_fen: fen,
  refunded_fen: fen,
});
const perKind = <T extends z.ZodTypeAny>(v: T) => z.object({ cash: v, qr: v, payment_code: v, account: v });
/** shared/sales/takings.ts's Takings */
export const takingsSchema = z.object({
  sales_count: count,
  sales_fen: fen,
  paid: z.object({
    total_fen: fen,
    by_kind: perKind(fen),
    by_wallet: z.object({ wechat: fen, alipay: fen, unionpay: fen, unknown: fen }),
  }),
  receivable: z.object({
    total_fen: fen,
    account_fen: fen,
    pending_fen: fen,
    owed_fen: fen,
    open_sales: count,
  }),
  neither: z.object({
    failed_fen: fen,
    reversed_fen: fen,
    closed_fen: fen,
    voided_count: count,
    voided_fen: fen,
  }),
  refunds: z.object({ count, total_fen: fen }),
  by_kind: perKind(kindFigures),
});
export const zReportSchema = z.object({
  business_day: z.string(),
  terminal_id: z.string(),
  z_no: z.number().int().positive(),
  sales_count: z.number().int(),
  gross_fen: fen,
  discounts_fen: fen,
  rounding_fen: fen,
  refunds: z.object({ count: z.number().int(), amount_fen: fen }),
  voids: z.object({ count: z.number().int(), amount_fen: fen }),
  net_fen: fen,
  takings: takingsSchema,
  first_receipt_no: z.string().nullable(),
  last_receipt_no: z.string().nullable(),
});
/** A wallet tender's state after asking the institution (query, cancel). */
const tenderStateSchema = z.object({
  tender_no: z.number().int(),
  kind: z.string(),
  status: z.enum(TENDER_STATUSES),
  state: z.enum(['created', 'paying', 'succeeded', 'failed', 'closed', 'reversed']).nullable(),
  message: z.string().nullable(),
});
const paperWidth = z.union([z.literal(58), z.literal(80)]);
const saleSummary = z.object({
  id,
  receipt_no: z.string(),
  business_day: z.string(),
  status: z.enum(SALE_STATUSES),
  total_fen: fen,
  created_ms: z.number().int(),
  /** refunded so far (部分退款 / 已退款) */
  refunded_fen: fen.default(0),
  /** an open sale: what it still owes with no tender standing for it */
  owed_fen: fen.default(0),
});

/** lines to refund (line_no, quantity); omitted: everything not yet refunded */
const refundLinesInput = z
  .array(
    z.object({
      line_no: z.number().int().positive(),
      quantity: z.number().int().nonnegative().max(QUANTITY_MAX),
    }),
  )
  .max(LINES_PER_SALE_MAX)
  .optional();

/** A buyer on account as the till holds it: the stall's buyer with what they owe now. */
export const tillBuyerSchema = z.object({ id, name: z.string(), credit_limit_fen: fen, balance_fen: fen });
export type TillBuyer = z.output<typeof tillBuyerSchema>;

export const tillContract = {
  'cashier-signin': { input: z.object({ pin: z.string().max(16) }), output: cashierSchema },
  // With journal entries the server has not acknowledged, a manager's PIN approves (refused with manager_required and details.unsynced).
  'cashier-signout': {
    input: z.object({ manager_pin: z.string().max(16).optional() }),
    output: z.object({ unsynced: z.number().int().nonnegative(), approved_by: id.nullable() }),
  },
  'buyers-list': {
    input: z.object({}),
    output: z.object({ buyers: z.array(tillBuyerSchema) }),
  },
  // 议价 on one line (its product and entry) or an ad-hoc 抹零 off the sale's total, journaled with who and why;
  // beyond the stall's cashier limit a manager's PIN approves (refused with manager_required, or wrong_pin).
  // The answer's override_id goes on the cart line (override_id) or the cart (round_off_id).
  'price-override': {
    input: z.object({
      change: z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('line'),
          product_id: id,
          entry: lineEntrySchema,
          unit_price_fen: fenUpTo(PRICE_FEN_MAX),
        }),
        z.object({
          kind: z.literal('round_off'),
          total_before_fen: fenUpTo(SALE_TOTAL_FEN_MAX).positive(),
          amount_fen: fenUpTo(SALE_TOTAL_FEN_MAX).positive(),
        }),
      ]),
      reason: z.enum(BARGAIN_REASONS),
      manager_pin: z.string().max(16).optional(),
    }),
    output: z.object({ override_id: id, cut_fen: fen, approved_by: id.nullable() }),
  },
  'sale-complete': {
    // sale_id: the client-made ULID naming this sale, stored before sending and sent again on every retry;
    // completing an id that is already committed answers that sale (the core died between commit and answer).
    input: cartSchema.extend({
      sale_id: saleIdSchema.optional(),
      tenders: z.array(tenderInputSchema).min(1).max(TENDERS_PER_SALE_MAX),
    }),
    output: z.object({
      sale_id: id,
      receipt_no: z.string(),
      pay_url: z.string().nullable(),
      status: z.enum(SALE_STATUSES),
      total_fen: fen,
      change_fen: fen,
      printed: z.boolean(),
      print_error: z.string().nullable(),
    }),
  },
  /** The sale in progress, replaced whole on every change (the renderer's cart is a view of it); an empty cart drops it. */
  'current-sale-set': {
    input: currentSaleSchema,
    output: z.object({ sale_id: saleIdSchema, total_fen: fen }),
  },
  /**
   * The sale in progress, to resume after a reload; with a sale_id, also what became of that sale — committed
   * (the core died between commit and answer: complete it again under the same id for its answer) or not.
   */
  'current-sale-get': {
    input: z.object({ sale_id: saleIdSchema.optional() }),
    output: z.object({
      current: currentSaleSchema.extend({ updated_ms: z.number().int() }).nullable(),
      committed: saleSummary.nullable(),
    }),
  },
  // 挂单 with a label (a name, a plate number) and the buyer; sale_id: the sale in progress it takes away.
  'sale-park': {
    input: cartSchema.extend({
      sale_id: saleIdSchema.optional(),
      label: z.string().trim().max(PARK_LABEL_CHARS_MAX).default(''),
      buyer_id: id.nullable().default(null),
    }),
    output: z.object({ parked_id: id }),
  },
  'parked-list': {
    input: z.object({}),
    output: z.object({
      parked: z.array(
        z.object({
          id,
          label: z.string(),
          buyer_id: id.nullable(),
          buyer_name: z.string().nullable(),
          line_count: z.number().int(),
          total_fen: fen,
          parked_ms: z.number().int(),
        }),
      ),
    }),
  },
  // sale_id: the new sale in progress the parked cart becomes, in the same transaction.
  'sale-resume': {
    input: z.object({ parked_id: id, sale_id: saleIdSchema.optional() }),
    output: z.object({ cart: cartSchema, label: z.string(), buyer_id: id.nullable() }),
  },
  'sale-void': {
    input: cartSchema.extend({ reason: z.string().max(200).default(''), sale_id: saleIdSchema.optional() }),
    output: z.object({ void_id: id }),
  },
  'sales-recent': {
    input: z.object({
      query: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ sales: z.array(saleSummary) }),
  },
  /** What a refund would give back, nothing written: for the refund dialog to name the lines, amounts and tenders. */
  'refund-preview': {
    input: z.object({ sale_id: id, lines: refundLinesInput }),
    output: z.object({
      amount_fen: fen,
      /** every line in full and nothing refunded before (整单退回) */
      whole: z.boolean(),
      needs_manager: z.boolean(),
      lines: z.array(
        z.object({
          line_no: z.number().int(),
          name: z.string(),
          unit: z.enum(['jin', 'kg', 'piece']),
          /** grams or pieces given back; 0 for a typed-amount line */
          quantity: z.number().int(),
          amount_fen: fen,
        }),
      ),
      tenders: z.array(
        z.object({ tender_no: z.number().int(), kind: z.enum(TENDER_KINDS), amount_fen: fen }),
      ),
    }),
  },
  'refund-create': {
    input: z.object({
      sale_id: id.optional(),
      receipt_no: z.string().max(40).optional(),
      lines: refundLinesInput,
      reason: z.string().max(200).default(''),
      manager_pin: z.string().max(16).optional(),
    }),
    output: z.object({
      refund_id: id,
      refund_no: z.string(),
      amount_fen: fen,
      tenders: z.array(
        z.object({ tender_no: z.number().int(), kind: z.enum(TENDER_KINDS), amount_fen: fen }),
      ),
    }),
  },
  'shift-open': { input: z.object({ float_fen: fenUpTo(COUNTED_CASH_FEN_MAX) }), output: shiftSchema },
  'shift-close': { input: z.object({ counted_fen: fenUpTo(COUNTED_CASH_FEN_MAX) }), output: shiftSchema },
  'shift-current': {
    input: z.object({}),
    output: z.object({
      shift: shiftSchema.nullable(),
      expected_cash_fen: fen.nullable(),
      takings: takingsSchema.nullable().default(null),
    }),
  },
  'day-report': { input: z.object({}), output: zReportSchema },
  // With open sales (pending or owed) refused with manager_required and details.open_sales until a manager's PIN is given.
  'day-close': { input: z.object({ manager_pin: z.string().max(16).optional() }), output: zReportSchema },
  /** One sale for the history screen: lines with what was refunded, tenders with their status, and its receipt as it stands now, as a reprint prints it (plain text, for the preview; null when none printed). */
  'sale-detail': {
    input: z.object({ sale_id: id, paper: paperWidth.default(80) }),
    output: z.object({
      sale: saleSummary.extend({
        subtotal_fen: fen,
        discount_fen: fen,
        rounding_fen: fen,
        cashier_id: z.string(),
      }),
      lines: z.array(
        z.object({
          line_no: z.number().int(),
          name: z.string(),
          unit: z.enum(['jin', 'kg', 'piece']),
          kind: z.enum(['weight', 'count', 'amount']),
          quantity: z.number().int(),
          tare_g: z.number().int(),
          unit_price_fen: fen,
          amount_fen: fen,
          discount_fen: fen,
          net_fen: fen,
          refunded_quantity: z.number().int(),
          refunded_fen: fen,
        }),
      ),
      tenders: z.array(
        z.object({
          tender_no: z.number().int(),
          kind: z.enum(TENDER_KINDS),
          amount_fen: fen,
          tendered_fen: fen,
          change_fen: fen,
          status: z.enum(TENDER_STATUSES),
          buyer_id: z.string().nullable(),
          via: z.enum(['gateway']).nullable().default(null),
          /** the institution's transaction number of a paid QR / payment-code tender */
          txn_id: z.string().nullable().default(null),
          /** why a failed, reversed or closed tender did not pay, in words (zh) */
          reason_zh: z.string().nullable().default(null),
          /** a waiting payment code: when the server reverses it unless paid */
          deadline_ms: z.number().int().nullable().default(null),
        }),
      ),
      refunded_fen: fen,
      /** what the sale still owes with no tender standing for it (take it with another tender, or void the sale) */
      owed_fen: fen.default(0),
      refunds: z
        .array(z.object({ refund_no: z.string(), amount_fen: fen, created_ms: z.number().int() }))
        .default([]),
      /** the signed pay URL printed for a pending QR tender, when the payment flow put one on the receipt */
      pay_url: z.string().nullable(),
      receipt_text: z.string().nullable(),
    }),
  },
  /** The cashier's "query this order": asks the institution, through the server, about the sale's pending QR / payment-code tenders and applies the answer. */
  'payment-query': {
    input: z.object({ sale_id: id }),
    output: z.object({ tenders: z.array(tenderStateSchema) }),
  },
  /**
   * Prints the Z report (日结) or a shift slip (交班单) with the screen's figures, at the printer's paper
   * width: the open day's Z (or a closed one by business_day and z_no), the cashier's open shift (or one by id).
   */
  'report-print': {
    input: z.object({
      report: z.enum(['day', 'shift']),
      business_day: z
        .string()
        .regex(/^\d{8}$/)
        .optional(),
      z_no: z.number().int().positive().max(99).optional(),
      shift_id: id.optional(),
    }),
    output: z.object({ printed: z.boolean(), print_error: z.string().nullable() }),
  },
  /** Prints a sale's receipt again, marked 补打, without opening the drawer. */
  'sale-reprint': {
    input: z.object({ sale_id: id }),
    output: z.object({ printed: z.boolean(), print_error: z.string().nullable() }),
  },
  /** Takes what an open sale still owes (a tender failed or was reversed) with another tender; prints the receipt once the outcome is known. */
  'sale-add-tender': {
    input: z.object({ sale_id: id, tender: tenderInputSchema }),
    output: z.object({
      sale_id: id,
      tender_no: z.number().int(),
      status: z.enum(SALE_STATUSES),
      owed_fen: fen,
      change_fen: fen,
      pay_url: z.string().nullable(),
      printed: z.boolean(),
      print_error: z.string().nullable(),
    }),
  },
  /** Cancels a waiting QR / payment-code tender: reversed (or closed) at the institution through the server, unless it was paid meanwhile. */
  'tender-cancel': {
    input: z.object({ sale_id: id, tender_no: z.number().int().positive() }),
    output: tenderStateSchema,
  },
  /** Voids an open sale on which nothing was paid (no takings; its tenders stay failed / reversed). */
  'sale-void-open': {
    input: z.object({ sale_id: id, reason: z.string().max(200).default('') }),
    output: z.object({ sale_id: id, status: z.literal('voided') }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
