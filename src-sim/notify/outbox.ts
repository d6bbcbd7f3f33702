import { randomUUID } from 'node:crypto';
import type { Sim } from '../context';
import { rfc3339 } from '../clock';
import { encryptResource } from '../protocol/aead';

export type EventType =
  | 'TRANSACTION.SUCCESS'
  | 'REFUND.SUCCESS'
  | 'REFUND.ABNORMAL'
  | 'REFUND.CLOSED'
  | 'PROFITSHARING.SUCCESS'
  | 'PROFITSHARING.CLOSED'
  | 'MERCHANT.ACTIVE'
  | 'MERCHANT.REJECTED'
  | 'WITHDRAW.SUCCESS'
  | 'WITHDRAW.FAILED'
  | 'MANDATE.ACTIVE'
  | 'MANDATE.TERMINATED'
  | 'DEDUCT.SUCCESS'
  | 'DEDUCT.FAIL';

const ORIGINAL_TYPE: Record<EventType, string> = {
  'TRANSACTION.SUCCESS': 'transaction',
  'REFUND.SUCCESS': 'refund',
  'REFUND.ABNORMAL': 'refund',
  'REFUND.CLOSED': 'refund',
  'PROFITSHARING.SUCCESS': 'profitsharing',
  'PROFITSHARING.CLOSED': 'profitsharing',
  'MERCHANT.ACTIVE': 'applyment',
  'MERCHANT.REJECTED': 'applyment',
  'WITHDRAW.SUCCESS': 'withdraw',
  'WITHDRAW.FAILED': 'withdraw',
  'MANDATE.ACTIVE': 'mandate',
  'MANDATE.TERMINATED': 'mandate',
  'DEDUCT.SUCCESS': 'deduct',
  'DEDUCT.FAIL': 'deduct',
};

const SUMMARY: Record<EventType, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
  'PROFITSHARING.SUCCESS': '分账成功',
  'PROFITSHARING.CLOSED': '分账失败',
  'MERCHANT.ACTIVE': '商户开通成功',
  'MERCHANT.REJECTED': '商户进件驳回',
  'WITHDRAW.SUCCESS': '提现成功',
  'WITHDRAW.FAILED': '提现失败',
  'MANDATE.ACTIVE': '代扣授权成功',
  'MANDATE.TERMINATED': '代扣授权解除',
  'DEDUCT.SUCCESS': '扣款成功',
  'DEDUCT.FAIL': '扣款失败',
};

/** Stores a notification for delivery; runs inside the caller's transaction. Returns its id. */
export function enqueueNotification(
  sim: Sim,
  url: string | null,
  eventType: EventType,
  resource: unknown,
): string | null {
  if (url === null || url === '') return null;
  const id = randomUUID();
  const originalType = ORIGINAL_TYPE[eventType];
  const body = JSON.stringify({
    id,
    create_time: rfc3339(sim.clock.now()),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: SUMMARY[eventType],
    resource: encryptResource(JSON.stringify(resource), sim.id.apiV3Key, originalType, originalType),
  });
  sim.db
    .prepare(
      `INSERT INTO notifications (id, url, event_type, body, state, attempts, next_at, created_at)
    VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
    )
    .run(id, url, eventType, body, sim.clock.now(), sim.clock.now());
  sim.wake();
  return id;
}
