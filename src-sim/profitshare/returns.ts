import { z } from 'zod';
import type { Sim } from '../context';
import { DAY_MS, rfc3339 } from '../clock';
import { newReturnId, requestHash } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { balance, move, pendingAcct } from '../ledger/ledger';
import { requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { getShareOrder, type ShareOrderRow } from './model';

/** A return still waiting for the receiver's money this long fails TIME_OUT_CLOSED (WeChat: 5 days). */
export const RETURN_TIMEOUT_MS = 5 * DAY_MS;
/** How often a waiting return looks at the receiver's balance again (not compressed: it is a business interval). */
export const RETURN_RETRY_MS = 3600_000;
export const RETURN_PROCESS_MS = 5_000;
export const JOB_RETURN = 'profitshare.return';

/** PROCESSING: waiting for the receiver's balance. SUCCESS: back with the sub-merchant. FAILED: see fail_reason. */
export interface ReturnRow {
  return_id: string;
  sub_mchid: string;
  out_return_no: string;
  order_id: string;
  return_mchid: string;
  amount_fen: number;
  state: 'PROCESSING' | 'SUCCESS' | 'FAILED';
  fail_reason: string | null;
  description: string;
  request_hash: string;
  created_at: number;
  finished_at: number | null;
}

export const ReturnBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  order_id: z.string().max(64).optional(),
  out_order_no: z.string().max(64).optional(),
  out_return_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  return_mchid: z.string().regex(/^\d{8,12}$/),
  amount: z.number().int().min(1),
  description: z.string().min(1).max(80),
});

export function getReturn(sim: Sim, subMchid: string, outReturnNo: string): ReturnRow | undefined {
  return sim.db
    .prepare('SELECT * FROM share_returns WHERE sub_mchid = ? AND out_return_no = ?')
    .get(subMchid, outReturnNo) as ReturnRow | undefined;
}

export function returnView(sim: Sim, r: ReturnRow): Record<string, unknown> {
  const s = sim.db.prepare('SELECT out_order_no FROM share_orders WHERE order_id = ?').get(r.order_id) as
    { out_order_no: string } | undefined;
  return {
    sub_mchid: r.sub_mchid,
    order_id: r.order_id,
    out_order_no: s?.out_order_no,
    out_return_no: r.out_return_no,
    return_id: r.return_id,
    return_mchid: r.return_mchid,
    amount: r.amount_fen,
    description: r.description,
    result: r.state,
    ...(r.fail_reason !== null ? { fail_reason: r.fail_reason } : {}),
    create_time: rfc3339(r.created_at),
    ...(r.finished_at !== null ? { finish_time: rfc3339(r.finished_at) } : {}),
  };
}

export function requestReturn(sim: Sim, signer: string, b: z.infer<typeof ReturnBody>): ReturnRow {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  const hash = requestHash([b.order_id ?? null, b.out_order_no ?? null, b.return_mchid, b.amount]);
  const now = sim.clock.now();
  return sim.db.transaction((): ReturnRow => {
    const existing = getReturn(sim, b.sub_mchid, b.out_return_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_return_no 已用于另一笔回退');
      return existing;
    }
    const s =
      b.order_id !== undefined
        ? (sim.db
            .prepare('SELECT * FROM share_orders WHERE order_id = ? AND sub_mchid = ?')
            .get(b.order_id, b.sub_mchid) as ShareOrderRow | undefined)
        : getShareOrder(sim, b.sub_mchid, b.out_order_no ?? '');
    if (s === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '分账单不存在');
    const got = sim.db
      .prepare(
        `SELECT COALESCE(SUM(amount_fen), 0) AS s FROM share_receivers WHERE order_id = ? AND type = 'MERCHANT_ID' AND account = ? AND result = 'SUCCESS'`,
      )
      .get(s.order_id, b.return_mchid) as { s: number };
    const returned = sim.db
      .prepare(
        `SELECT COALESCE(SUM(amount_fen), 0) AS s FROM share_returns WHERE order_id = ? AND return_mchid = ? AND state <> 'FAILED'`,
      )
      .get(s.order_id, b.return_mchid) as { s: number };
    if (b.amount > got.s - returned.s)
      throw new SimError('INVALID_REQUEST', '回退金额超过该接收方分得的金额');
    const id = newReturnId(now);
    sim.db
      .prepare(
        `INSERT INTO share_returns (return_id, sub_mchid, out_return_no, order_id, return_mchid, amount_fen, state, description, request_hash, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'PROCESSING', ?, ?, ?)`,
      )
      .run(id, b.sub_mchid, b.out_return_no, s.order_id, b.return_mchid, b.amount, b.description, hash, now);
    scheduleJob(sim, JOB_RETURN, id, RETURN_PROCESS_MS);
    const row = getReturn(sim, b.sub_mchid, b.out_return_no);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}

/** Takes the money back when the receiver holds it; otherwise waits, and fails after 5 days. */
export function processReturn(sim: Sim, returnId: string): void {
  sim.db.transaction(() => {
    const r = sim.db
      .prepare(`SELECT * FROM share_returns WHERE return_id = ? AND state = 'PROCESSING'`)
      .get(returnId) as ReturnRow | undefined;
    if (r === undefined) return;
    const now = sim.clock.now();
    const s = sim.db
      .prepare('SELECT transaction_id FROM share_orders WHERE order_id = ?')
      .get(r.order_id) as { transaction_id: string };
    if (balance(sim.db, pendingAcct(r.return_mchid)) >= r.amount_fen) {
      move(
        sim.db,
        now,
        'SPLIT_RETURN',
        s.transaction_id,
        pendingAcct(r.return_mchid),
        pendingAcct(r.sub_mchid),
        r.amount_fen,
      );
      sim.db
        .prepare(`UPDATE share_returns SET state = 'SUCCESS', finished_at = ? WHERE return_id = ?`)
        .run(now, returnId);
    } else if (now - r.created_at >= RETURN_TIMEOUT_MS) {
      sim.db
        .prepare(
          `UPDATE share_returns SET state = 'FAILED', fail_reason = 'TIME_OUT_CLOSED', finished_at = ? WHERE return_id = ?`,
        )
        .run(now, returnId);
    } else {
      scheduleJob(
        sim,
        JOB_RETURN,
        returnId,
        Math.min(RETURN_RETRY_MS, r.created_at + RETURN_TIMEOUT_MS - now),
        false,
      );
    }
  })();
}
