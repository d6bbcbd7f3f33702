/**
 * The terminal ↔ server payment API's bodies (issue 7), shared so both sides
 * parse the same shapes: pulled payment updates, code pay, the cashier's
 * manual query, refunds through the institution.
 */
import { z } from 'zod';
import { idSchema as id } from '../ids';
import { fenSchema as fen } from '../money';
import { paymentCodeSchema } from './payment-code';

export const ORDER_STATES = ['created', 'paying', 'succeeded', 'failed', 'closed', 'reversed'] as const;
export type PaymentOrderState = (typeof ORDER_STATES)[number];

/** Updates per pull, at most. */
export const MAX_PAYMENT_UPDATES = 500;

export const paymentUpdateSchema = z.object({
  seq: z.number().int().positive(),
  sale_id: id,
  tender_no: z.number().int().positive(),
  status: z.enum(['paid', 'failed']),
  state: z.enum(ORDER_STATES),
  external_ref: z.string().nullable(),
  amount_fen: fen,
  at_ms: z.number().int(),
  /** the institution's words when the order failed, closed or was revoked */
  reason: z.string().nullable().optional(),
  /** the wallet that paid (WECHAT, ALIPAY, UNIONPAY), when the institution said */
  channel: z.string().nullable().optional(),
});
export type PaymentUpdate = z.infer<typeof paymentUpdateSchema>;

export const paymentPullSchema = z.object({
  updates: z.array(paymentUpdateSchema).max(MAX_PAYMENT_UPDATES),
  cursor: z.number().int().nonnegative(),
});

export const orderViewSchema = z.object({
  out_trade_no: z.string(),
  state: z.enum(ORDER_STATES),
  transaction_id: z.string().nullable(),
  channel: z.string().nullable(),
  message: z.string().nullable(),
  /** a code-pay order still waiting: when the server reverses it unless paid (the till counts down to it) */
  deadline_ms: z.number().int().nullable().optional(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const codepayRequestSchema = z.object({
  sale_id: id,
  tender_no: z.number().int().positive().max(255),
  amount_fen: fen.positive(),
  auth_code: paymentCodeSchema,
});

export const orderRefSchema = z.object({ sale_id: id, tender_no: z.number().int().positive().max(255) });

export const refundRequestSchema = z.object({
  refund_id: id,
  sale_id: id,
  tender_no: z.number().int().positive().max(255),
  amount_fen: fen.positive(),
  reason: z.string().max(80).default(''),
});

export const REFUND_STATES = [
  'returning',
  'processing',
  'succeeded',
  'abnormal',
  'closed',
  'refused',
] as const;
export const refundViewSchema = z.object({
  out_refund_no: z.string(),
  state: z.enum(REFUND_STATES),
  amount_fen: fen,
  /** what the market gave back of its fee share first */
  return_fen: fen,
  refunded_total_fen: fen,
  message: z.string().nullable(),
  /** the institution's answer is not known yet (split return under way, no answer): ask again with the same refund id */
  retry: z.boolean().default(false),
});
export type RefundViewWire = z.infer<typeof refundViewSchema>;
