/**
 * A v3 notification's envelope and its decrypted resource, parsed without
 * trusting anything: the caller has already checked the signature; here the
 * resource must decrypt (AES-256-GCM authenticates it) and have the expected shape.
 */
import { z } from 'zod';
import type { NotificationVerdict } from './institution';
import type { Transaction } from './institution';
import { decryptResource } from './wechat-v3';
import { encryptedResourceSchema, TRADE_STATES } from '../../shared/pay/wechat-v3-wire';

const envelopeSchema = z.object({
  id: z.string().min(1).max(64),
  event_type: z.string().min(1).max(64),
  resource_type: z.literal('encrypt-resource'),
  resource: encryptedResourceSchema,
});

export const txSchema = z.object({
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(TRADE_STATES),
  amount: z.object({ total: z.number().int() }),
  sim_channel: z.string().optional(),
  success_time: z.string().max(40).optional(),
});

export function toTransaction(t: z.infer<typeof txSchema>): Transaction {
  const paid = t.success_time === undefined ? NaN : Date.parse(t.success_time);
  return {
    out_trade_no: t.out_trade_no,
    transaction_id: t.transaction_id ?? null,
    trade_state: t.trade_state,
    amount_fen: t.amount.total,
    channel: t.sim_channel ?? null,
    success_ms: Number.isSafeInteger(paid) ? paid : null,
  };
}

const txResourceSchema = z.object({
  sub_mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(TRADE_STATES),
  amount: z.object({ total: z.number().int() }),
  sim_channel: z.string().optional(),
});
const refundResourceSchema = z.object({
  sub_mchid: z.string(),
  out_refund_no: z.string(),
  refund_status: z.string(),
});

export function parseNotification(rawBody: string, apiV3Key: Buffer): NotificationVerdict {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'notification body is not JSON' };
  }
  const env = envelopeSchema.safeParse(json);
  if (!env.success) return { ok: false, reason: 'notification envelope has the wrong shape' };
  const plain = decryptResource(env.data.resource, apiV3Key);
  if (plain === null) return { ok: false, reason: 'notification resource does not decrypt' };
  let res: unknown;
  try {
    res = JSON.parse(plain);
  } catch {
    return { ok: false, reason: 'notification resource is not JSON' };
  }
  const { id, event_type } = env.data;
  if (event_type.startsWith('TRANSACTION.')) {
    const t = txResourceSchema.safeParse(res);
    if (!t.success) return { ok: false, reason: 'transaction resource has the wrong shape' };
    return {
      ok: true,
      notification: {
        kind: 'transaction',
        event_id: id,
        event_type,
        sub_mchid: t.data.sub_mchid,
        tx: toTransaction(t.data),
      },
    };
  }
  if (event_type.startsWith('REFUND.')) {
    const r = refundResourceSchema.safeParse(res);
    if (!r.success) return { ok: false, reason: 'refund resource has the wrong shape' };
    return { ok: true, notification: { kind: 'refund', event_id: id, event_type, ...r.data } };
  }
  return { ok: true, notification: { kind: 'other', event_id: id, event_type } };
}
