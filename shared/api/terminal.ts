/** The terminal API: enrolment with a pairing code (public), then signed config pull, journal push, event stream and payments. */
import { z } from 'zod';
import {
  MAX_PAYMENT_UPDATES,
  codepayRequestSchema,
  orderRefSchema,
  orderViewSchema,
  paymentPullSchema,
  refundRequestSchema,
  refundViewSchema,
} from '../pay/payments-wire';
import { enrolRequestSchema, enrolResponseSchema, terminalConfigSchema } from '../sync/config';
import { pushRequestSchema, pushResponseSchema } from '../sync/push';
import { PUBLIC, TERMINAL, defineApi } from './route';

export const terminalApi = {
  terminalEnrol: defineApi({
    id: 'terminalEnrol',
    method: 'POST',
    path: '/api/v1/terminals/enrol',
    summary:
      'Enrol a terminal with a one-time pairing code and its Ed25519 public key; a retry with the same code and key within the code’s lifetime gets the same answer (the first one lost on the way), another key is refused',
    tag: 'terminal',
    auth: PUBLIC,
    body: enrolRequestSchema,
    response: enrolResponseSchema,
    errors: ['pairing_code_invalid', 'terminal_revoked'],
  }),
  terminalConfig: defineApi({
    id: 'terminalConfig',
    method: 'GET',
    path: '/api/v1/terminal/config',
    summary: "The signed terminal's configuration: stall, market day rules, catalog",
    tag: 'terminal',
    auth: TERMINAL,
    response: terminalConfigSchema,
  }),
  terminalJournalPush: defineApi({
    id: 'terminalJournalPush',
    method: 'POST',
    path: '/api/v1/terminal/journal',
    summary:
      'Push journal entries in seq order; answers the highest contiguous seq stored (a gap answers it in details.acked_seq)',
    tag: 'terminal',
    auth: TERMINAL,
    body: pushRequestSchema,
    response: pushResponseSchema,
    errors: ['journal_gap', 'journal_fork', 'journal_altered'],
  }),
  terminalEvents: defineApi({
    id: 'terminalEvents',
    method: 'GET',
    path: '/api/v1/terminal/events',
    summary:
      'Server-Sent Events for this terminal while it is online: hello, payment (pull payments), config (pull config), revoked; a heartbeat comment every 15 s',
    tag: 'terminal',
    auth: TERMINAL,
    produces: 'text/event-stream',
    response: z.string(),
    errors: ['rate_limited'],
  }),
  terminalPaymentsPull: defineApi({
    id: 'terminalPaymentsPull',
    method: 'GET',
    path: '/api/v1/terminal/payments',
    summary: "Payment updates for this terminal's sales after a cursor (tenders turning paid or failed)",
    tag: 'terminal',
    auth: TERMINAL,
    query: z.object({
      after: z.coerce.number().int().nonnegative().default(0),
      limit: z.coerce.number().int().min(1).max(MAX_PAYMENT_UPDATES).default(MAX_PAYMENT_UPDATES),
    }),
    response: paymentPullSchema,
  }),
  terminalCodepay: defineApi({
    id: 'terminalCodepay',
    method: 'POST',
    path: '/api/v1/terminal/payments/codepay',
    summary:
      "Charge a buyer's payment code for a pending tender; answers the order's state (paying = polled by the server)",
    tag: 'terminal',
    auth: TERMINAL,
    body: codepayRequestSchema,
    response: orderViewSchema,
    errors: ['conflict', 'not_found', 'exists_with_different_payload'],
  }),
  terminalPaymentQuery: defineApi({
    id: 'terminalPaymentQuery',
    method: 'POST',
    path: '/api/v1/terminal/payments/query',
    summary:
      'Ask the institution about a tender’s order now and apply the answer (the cashier’s manual query)',
    tag: 'terminal',
    auth: TERMINAL,
    body: orderRefSchema,
    response: orderViewSchema,
    errors: ['not_found', 'conflict'],
  }),
  terminalPaymentCancel: defineApi({
    id: 'terminalPaymentCancel',
    method: 'POST',
    path: '/api/v1/terminal/payments/cancel',
    summary:
      'The cashier cancels a tender still waiting: a payment code is reversed (撤销), a receipt QR closed; an order paid meanwhile stays paid',
    tag: 'terminal',
    auth: TERMINAL,
    body: orderRefSchema,
    response: orderViewSchema,
    errors: ['not_found', 'conflict'],
  }),
  terminalPaymentRefund: defineApi({
    id: 'terminalPaymentRefund',
    method: 'POST',
    path: '/api/v1/terminal/payments/refund',
    summary:
      'Refund (part of) a paid tender through the institution; idempotent by refund id, never above what was paid',
    tag: 'terminal',
    auth: TERMINAL,
    body: refundRequestSchema,
    response: refundViewSchema,
    errors: ['conflict', 'not_found', 'exists_with_different_payload'],
  }),
};
