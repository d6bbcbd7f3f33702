/**
 * 提现 (simulator endpoint, wallet mode): a sub-merchant takes its available
 * (pending settlement) balance to its own bound card now instead of waiting
 * for T+1. PROCESSING → SUCCESS (a payout to the card) | FAILED (退票: the
 * bank returned it; the money is available again). Idempotent by
 * out_request_no. The money can go nowhere but the merchant's own card.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Sim } from '../context';
import { rfc3339, shanghaiDate } from '../clock';
import { requestHash } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { RESERVE, balance, move, pendingAcct, post } from '../ledger/ledger';
import { getMerchant, requirePartner } from '../merchants/store';
import { enqueueNotification } from '../notify/outbox';
import { SimError } from '../protocol/errors';

export const WITHDRAW_TRANSIT = 'inst:withdraw_transit';
export const WITHDRAW_PROCESS_MS = 10_000;
export const JOB_WITHDRAW = 'settlement.withdraw';

/** PROCESSING: with the bank. SUCCESS: on the card. FAILED: returned (退票), available again. */
export interface WithdrawalRow {
  withdraw_id: string;
  sub_mchid: string;
  out_request_no: string;
  amount_fen: number;
  state: 'PROCESSING' | 'SUCCESS' | 'FAILED';
  fail_reason: string | null;
  remark: string | null;
  notify_url: string | null;
  request_hash: string;
  created_at: number;
  finished_at: number | null;
}

export const WithdrawBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  out_request_no: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/),
  amount: z.number().int().min(1),
  remark: z.string().max(56).optional(),
  notify_url: z.string().url().max(256).optional(),
});

export function getWithdrawal(sim: Sim, sub: string, no: string): WithdrawalRow | undefined {
  return sim.db
    .prepare('SELECT * FROM withdrawals WHERE sub_mchid = ? AND out_request_no = ?')
    .get(sub, no) as WithdrawalRow | undefined;
}

export function withdrawalView(w: WithdrawalRow): Record<string, unknown> {
  return {
    sub_mchid: w.sub_mchid,
    withdraw_id: w.withdraw_id,
    out_request_no: w.out_request_no,
    amount: w.amount_fen,
    status: w.state,
    ...(w.fail_reason !== null ? { reason: w.fail_reason } : {}),
    create_time: rfc3339(w.created_at),
    ...(w.finished_at !== null ? { update_time: rfc3339(w.finished_at) } : {}),
  };
}

export function requestWithdrawal(sim: Sim, signer: string, b: z.infer<typeof WithdrawBody>): WithdrawalRow {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  const hash = requestHash([b.sub_mchid, b.amount]);
  const now = sim.clock.now();
  return sim.db.transaction((): WithdrawalRow => {
    const existing = getWithdrawal(sim, b.sub_mchid, b.out_request_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_request_no 已用于另一笔提现');
      return existing;
    }
    if (b.amount > balance(sim.db, pendingAcct(b.sub_mchid)))
      throw new SimError('NOT_ENOUGH', '可提现余额不足');
    const id = `W${randomUUID().replaceAll('-', '').slice(0, 24).toUpperCase()}`;
    move(sim.db, now, 'WITHDRAW_ACCEPT', id, pendingAcct(b.sub_mchid), WITHDRAW_TRANSIT, b.amount);
    sim.db
      .prepare(
        `INSERT INTO withdrawals (withdraw_id, sub_mchid, out_request_no, amount_fen, state, remark, notify_url, request_hash, created_at)
      VALUES (?, ?, ?, ?, 'PROCESSING', ?, ?, ?, ?)`,
      )
      .run(id, b.sub_mchid, b.out_request_no, b.amount, b.remark ?? null, b.notify_url ?? null, hash, now);
    scheduleJob(sim, JOB_WITHDRAW, id, WITHDRAW_PROCESS_MS);
    const row = getWithdrawal(sim, b.sub_mchid, b.out_request_no);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}

export function finishWithdrawal(sim: Sim, id: string): void {
  const bounce = sim.faults.take('withdraw_bounce') !== undefined;
  sim.db.transaction(() => {
    const w = sim.db
      .prepare(`SELECT * FROM withdrawals WHERE withdraw_id = ? AND state = 'PROCESSING'`)
      .get(id) as WithdrawalRow | undefined;
    if (w === undefined) return;
    const m = getMerchant(sim.db, w.sub_mchid);
    const now = sim.clock.now();
    if (bounce || m === undefined) {
      move(sim.db, now, 'WITHDRAW_BOUNCE', id, WITHDRAW_TRANSIT, pendingAcct(w.sub_mchid), w.amount_fen);
      sim.db
        .prepare(
          `UPDATE withdrawals SET state = 'FAILED', fail_reason = '银行退票：账户状态异常', finished_at = ? WHERE withdraw_id = ?`,
        )
        .run(now, id);
    } else {
      post(sim.db, now, 'WITHDRAW', id, [
        { account: WITHDRAW_TRANSIT, amount_fen: w.amount_fen },
        { account: RESERVE, amount_fen: -w.amount_fen },
      ]);
      sim.db
        .prepare(
          'INSERT INTO payouts (id, day, party, account, card_name, card_number, amount_fen, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          shanghaiDate(now),
          w.sub_mchid,
          WITHDRAW_TRANSIT,
          m.account_name,
          m.account_number,
          w.amount_fen,
          now,
        );
      sim.db
        .prepare(`UPDATE withdrawals SET state = 'SUCCESS', finished_at = ? WHERE withdraw_id = ?`)
        .run(now, id);
    }
    const done = sim.db.prepare('SELECT * FROM withdrawals WHERE withdraw_id = ?').get(id) as WithdrawalRow;
    enqueueNotification(
      sim,
      done.notify_url,
      done.state === 'SUCCESS' ? 'WITHDRAW.SUCCESS' : 'WITHDRAW.FAILED',
      withdrawalView(done),
    );
  })();
}
