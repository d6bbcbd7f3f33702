/** The institution's notifications, and what of the institution payments waits for staff. */
import { z } from 'zod';
import { int } from './schemas';
import { MARKET_STAFF } from './roles';
import { PUBLIC, defineApi, staffAuth } from './route';

const orderRow = z.object({
  out_trade_no: z.string(),
  stall_id: z.string(),
  sale_id: z.string(),
  amount_fen: int,
  state: z.string(),
  split_state: z.string(),
  split_no: int,
  last_error: z.string().nullable(),
  updated_ms: int,
});

export const paymentsApi = {
  paymentsNotify: defineApi({
    id: 'paymentsNotify',
    method: 'POST',
    path: '/api/v1/payments/notify/:institution',
    summary: "The institution's signed, encrypted notifications (payments, refunds, splits); 204 = received",
    tag: 'payments',
    auth: PUBLIC,
    params: z.object({ institution: z.string().min(1).max(32) }),
    body: z.unknown(),
    response: z.null(),
    status: 204,
    errors: ['not_found', 'bad_signature', 'conflict'],
  }),
  paymentsAttention: defineApi({
    id: 'paymentsAttention',
    method: 'GET',
    path: '/api/v1/admin/payments/attention',
    summary:
      'Payments needing staff: failed splits, orders the worker left alone, refunds the institution could not pay, refused notifications',
    tag: 'payments',
    auth: staffAuth(MARKET_STAFF),
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: z.object({
      split_failed: z.array(orderRow),
      stuck: z.array(orderRow),
      refunds: z.array(
        z.object({
          out_refund_no: z.string(),
          out_trade_no: z.string(),
          amount_fen: int,
          state: z.string(),
          last_error: z.string().nullable(),
        }),
      ),
      notifications: z.array(
        z.object({
          id: z.string(),
          event_id: z.string().nullable(),
          event_type: z.string().nullable(),
          out_trade_no: z.string().nullable(),
          outcome: z.string(),
          detail: z.string(),
          received_ms: int,
        }),
      ),
    }),
  }),
  paymentsSplitRetry: defineApi({
    id: 'paymentsSplitRetry',
    method: 'POST',
    path: '/api/v1/admin/payments/:out_trade_no/split-retry',
    summary: 'Send a failed split again, under a new instruction number',
    tag: 'payments',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ out_trade_no: z.string().min(6).max(32) }),
    body: z.object({}),
    response: z.object({ out_trade_no: z.string(), split_state: z.string(), split_no: int }),
    errors: ['conflict'],
  }),
};
