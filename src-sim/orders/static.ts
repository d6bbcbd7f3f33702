import { randomInt } from 'node:crypto';
import type { Sim } from '../context';
import { newTransactionId, requestHash } from '../ids';
import { requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';
import type { Channel } from '../codes/classify';
import { getOrderById, type OrderRow } from './model';
import { completePayment } from './pay';
import { DEFAULT_EXPIRE_MS } from './prepay';

/**
 * A stall's printed static code (静态码): the buyer scans it, types the
 * amount and pays. The institution creates the order itself (JSAPI,
 * out_trade_no `SQ…`), and the 500 CNY per payer per day cap applies.
 */
export interface StaticCodeRow {
  code: string;
  sub_mchid: string;
  notify_url: string | null;
  description: string;
  created_at: number;
}

export function createStaticCode(
  sim: Sim,
  signer: string,
  b: { sub_mchid: string; notify_url?: string; description?: string },
): StaticCodeRow {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  let code = '';
  for (let i = 0; i < 12; i++) code += String(randomInt(10));
  const row: StaticCodeRow = {
    code,
    sub_mchid: b.sub_mchid,
    notify_url: b.notify_url ?? null,
    description: b.description ?? '扫码付款',
    created_at: sim.clock.now(),
  };
  sim.db
    .prepare(
      'INSERT INTO static_codes (code, sub_mchid, notify_url, description, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(row.code, row.sub_mchid, row.notify_url, row.description, row.created_at);
  return row;
}

export function getStaticCode(sim: Sim, code: string): StaticCodeRow | undefined {
  return sim.db.prepare('SELECT * FROM static_codes WHERE code = ?').get(code) as StaticCodeRow | undefined;
}

export function payStaticCode(
  sim: Sim,
  sc: StaticCodeRow,
  buyerId: string,
  channel: Channel,
  amountFen: number,
): OrderRow {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new SimError('PARAM_ERROR', '请输入正确的金额');
  const now = sim.clock.now();
  const tx = newTransactionId(now);
  const outTradeNo = `SQ${tx.slice(4, 12)}${tx.slice(-14)}`;
  sim.db
    .prepare(
      `INSERT INTO orders (transaction_id, sp_mchid, sub_mchid, out_trade_no, trade_type, state, state_desc, description, notify_url,
    amount_fen, profit_sharing, time_expire, request_hash, created_at, static_code) VALUES (?, ?, ?, ?, 'JSAPI', 'NOTPAY', '', ?, ?, ?, 0, ?, ?, ?, ?)`,
    )
    .run(
      tx,
      sim.id.spMchid,
      sc.sub_mchid,
      outTradeNo,
      sc.description,
      sc.notify_url,
      amountFen,
      now + DEFAULT_EXPIRE_MS,
      requestHash([sc.code, now]),
      now,
      sc.code,
    );
  const o = getOrderById(sim, tx);
  if (o === undefined) throw new Error('insert lost');
  try {
    return completePayment(sim, o, buyerId, channel);
  } catch (e) {
    // The buyer saw a refusal; the unpaid order is closed so it never looks payable.
    sim.db
      .prepare(`UPDATE orders SET state = 'CLOSED', state_desc = ?, ended_at = ? WHERE transaction_id = ?`)
      .run(e instanceof Error ? e.message : '支付失败', now, tx);
    throw e;
  }
}
