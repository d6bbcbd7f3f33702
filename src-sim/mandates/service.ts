import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Sim } from '../context';
import { DAY_MS, rfc3339, shanghaiDate, shanghaiMidnight } from '../clock';
import { newToken, requestHash } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { RESERVE, pendingAcct, post } from '../ledger/ledger';
import { requirePartner } from '../merchants/store';
import { enqueueNotification } from '../notify/outbox';
import { SimError } from '../protocol/errors';

export const DEDUCT_PROCESS_MS = 10_000;
export const JOB_DEDUCT = 'mandates.deduct';
export type Period = 'DAY' | 'WEEK' | 'MONTH';

/** SIGNING: waiting for the stall owner. ACTIVE: deductions allowed. TERMINATED: ended (or refused). */
export interface MandateRow {
  mandate_id: string;
  sub_mchid: string;
  out_contract_code: string;
  purpose: string;
  max_amount_fen: number;
  period: Period;
  max_per_period: number;
  expires_at: number;
  state: 'SIGNING' | 'ACTIVE' | 'TERMINATED';
  sign_token: string;
  notify_url: string | null;
  request_hash: string;
  created_at: number;
  signed_at: number | null;
  ended_at: number | null;
}
/** PROCESSING: with the stall's bank. SUCCESS: with the market. FAIL: see fail_reason. */
export interface DeductionRow {
  deduct_id: string;
  mandate_id: string;
  out_deduct_no: string;
  amount_fen: number;
  description: string;
  state: 'PROCESSING' | 'SUCCESS' | 'FAIL';
  fail_reason: string | null;
  request_hash: string;
  created_at: number;
  finished_at: number | null;
}

export const MandateBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  out_contract_code: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/),
  purpose: z.string().min(1).max(64),
  max_amount_per_deduct: z.number().int().min(1).max(100_000_000),
  period: z.enum(['DAY', 'WEEK', 'MONTH']),
  max_deducts_per_period: z.number().int().min(1).max(31),
  expire_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  notify_url: z.string().url().max(256).optional(),
});
export const DeductBody = z.object({
  out_deduct_no: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/),
  amount: z.number().int().min(1),
  description: z.string().min(1).max(64),
});

export function getMandate(sim: Sim, id: string): MandateRow | undefined {
  return sim.db.prepare('SELECT * FROM mandates WHERE mandate_id = ?').get(id) as MandateRow | undefined;
}
export function mandateByToken(sim: Sim, token: string): MandateRow | undefined {
  return sim.db.prepare('SELECT * FROM mandates WHERE sign_token = ?').get(token) as MandateRow | undefined;
}

export function mandateView(sim: Sim, m: MandateRow): Record<string, unknown> {
  return {
    mandate_id: m.mandate_id,
    sub_mchid: m.sub_mchid,
    out_contract_code: m.out_contract_code,
    payee_mchid: sim.id.spMchid,
    purpose: m.purpose,
    max_amount_per_deduct: m.max_amount_fen,
    period: m.period,
    max_deducts_per_period: m.max_per_period,
    expire_time: rfc3339(m.expires_at),
    state: m.state,
    sign_url: `${sim.baseUrl()}/mandate/${m.sign_token}`,
    ...(m.signed_at !== null ? { signed_time: rfc3339(m.signed_at) } : {}),
  };
}
export function deductionView(d: DeductionRow): Record<string, unknown> {
  return {
    deduct_id: d.deduct_id,
    mandate_id: d.mandate_id,
    out_deduct_no: d.out_deduct_no,
    amount: d.amount_fen,
    description: d.description,
    state: d.state,
    ...(d.fail_reason !== null ? { fail_reason: d.fail_reason } : {}),
    create_time: rfc3339(d.created_at),
  };
}

export function createMandate(sim: Sim, signer: string, b: z.infer<typeof MandateBody>): MandateRow {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  const hash = requestHash([
    b.purpose,
    b.max_amount_per_deduct,
    b.period,
    b.max_deducts_per_period,
    b.expire_date,
  ]);
  const now = sim.clock.now();
  const expires = shanghaiMidnight(b.expire_date) + DAY_MS;
  if (expires <= now) throw new SimError('PARAM_ERROR', 'expire_date 须晚于今天');
  return sim.db.transaction((): MandateRow => {
    const existing = sim.db
      .prepare('SELECT * FROM mandates WHERE sub_mchid = ? AND out_contract_code = ?')
      .get(b.sub_mchid, b.out_contract_code) as MandateRow | undefined;
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_contract_code 已用于另一份授权');
      return existing;
    }
    const id = `MD${randomUUID().replaceAll('-', '').slice(0, 24).toUpperCase()}`;
    sim.db
      .prepare(
        `INSERT INTO mandates (mandate_id, sub_mchid, out_contract_code, purpose, max_amount_fen, period, max_per_period, expires_at, state,
      sign_token, notify_url, request_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SIGNING', ?, ?, ?, ?)`,
      )
      .run(
        id,
        b.sub_mchid,
        b.out_contract_code,
        b.purpose,
        b.max_amount_per_deduct,
        b.period,
        b.max_deducts_per_period,
        expires,
        newToken(),
        b.notify_url ?? null,
        hash,
        now,
      );
    const row = getMandate(sim, id);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}

/** The stall owner answered on the signing page, or either side terminated. */
export function setMandateState(sim: Sim, m: MandateRow, to: 'ACTIVE' | 'TERMINATED'): MandateRow {
  if (to === 'ACTIVE' && m.state !== 'SIGNING') throw new SimError('INVALID_REQUEST', '授权不在待签约状态');
  if (m.state === 'TERMINATED') return m;
  const now = sim.clock.now();
  sim.db.transaction(() => {
    sim.db
      .prepare(
        `UPDATE mandates SET state = ?, ${to === 'ACTIVE' ? 'signed_at' : 'ended_at'} = ? WHERE mandate_id = ?`,
      )
      .run(to, now, m.mandate_id);
    const row = getMandate(sim, m.mandate_id);
    if (row !== undefined)
      enqueueNotification(
        sim,
        m.notify_url,
        to === 'ACTIVE' ? 'MANDATE.ACTIVE' : 'MANDATE.TERMINATED',
        mandateView(sim, row),
      );
  })();
  const row = getMandate(sim, m.mandate_id);
  if (row === undefined) throw new Error('mandate vanished');
  return row;
}

/** Start of the period containing t, Asia/Shanghai: the day, the ISO week (Monday) or the month. */
export function periodStart(period: Period, t: number): number {
  const day = shanghaiDate(t);
  const midnight = shanghaiMidnight(day);
  if (period === 'DAY') return midnight;
  if (period === 'MONTH') return shanghaiMidnight(`${day.slice(0, 8)}01`);
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return midnight - dow * DAY_MS;
}

export function requestDeduction(
  sim: Sim,
  signer: string,
  m: MandateRow,
  b: z.infer<typeof DeductBody>,
): DeductionRow {
  if (signer !== sim.id.spMchid) throw new SimError('NO_AUTH', '仅授权中的收款方可以扣款');
  const hash = requestHash([b.amount]);
  const now = sim.clock.now();
  return sim.db.transaction((): DeductionRow => {
    const existing = sim.db
      .prepare('SELECT * FROM deductions WHERE mandate_id = ? AND out_deduct_no = ?')
      .get(m.mandate_id, b.out_deduct_no) as DeductionRow | undefined;
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_deduct_no 已用于另一笔扣款');
      return existing;
    }
    if (m.state !== 'ACTIVE') throw new SimError('INVALID_REQUEST', '代扣授权未生效或已解除');
    if (now >= m.expires_at) throw new SimError('INVALID_REQUEST', '代扣授权已过期');
    if (b.amount > m.max_amount_fen) throw new SimError('RULE_LIMIT', '超出授权的单笔扣款上限');
    const used = sim.db
      .prepare(
        `SELECT COUNT(*) AS n FROM deductions WHERE mandate_id = ? AND created_at >= ? AND state <> 'FAIL'`,
      )
      .get(m.mandate_id, periodStart(m.period, now)) as { n: number };
    if (used.n >= m.max_per_period) throw new SimError('RULE_LIMIT', '超出授权周期内的扣款次数');
    const id = `DD${randomUUID().replaceAll('-', '').slice(0, 24).toUpperCase()}`;
    sim.db
      .prepare(
        `INSERT INTO deductions (deduct_id, mandate_id, out_deduct_no, amount_fen, description, state, request_hash, created_at)
      VALUES (?, ?, ?, ?, ?, 'PROCESSING', ?, ?)`,
      )
      .run(id, m.mandate_id, b.out_deduct_no, b.amount, b.description, hash, now);
    scheduleJob(sim, JOB_DEDUCT, id, DEDUCT_PROCESS_MS);
    const row = sim.db.prepare('SELECT * FROM deductions WHERE deduct_id = ?').get(id) as
      DeductionRow | undefined;
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}

/** The stall's bank answers: the rent arrives from outside into the market's pending settlement, or the debit fails. */
export function finishDeduction(sim: Sim, id: string): void {
  const fail = sim.faults.take('deduct_fail') !== undefined;
  sim.db.transaction(() => {
    const d = sim.db
      .prepare(`SELECT * FROM deductions WHERE deduct_id = ? AND state = 'PROCESSING'`)
      .get(id) as DeductionRow | undefined;
    if (d === undefined) return;
    const m = getMandate(sim, d.mandate_id);
    const now = sim.clock.now();
    const refused = fail ? '付款账户余额不足' : m?.state !== 'ACTIVE' ? '代扣授权已解除' : null;
    if (refused === null) {
      post(sim.db, now, 'DEDUCT', id, [
        { account: RESERVE, amount_fen: d.amount_fen },
        { account: pendingAcct(sim.id.spMchid), amount_fen: -d.amount_fen },
      ]);
    }
    sim.db
      .prepare('UPDATE deductions SET state = ?, fail_reason = ?, finished_at = ? WHERE deduct_id = ?')
      .run(refused === null ? 'SUCCESS' : 'FAIL', refused, now, id);
    const done = sim.db.prepare('SELECT * FROM deductions WHERE deduct_id = ?').get(id) as DeductionRow;
    enqueueNotification(
      sim,
      m?.notify_url ?? null,
      done.state === 'SUCCESS' ? 'DEDUCT.SUCCESS' : 'DEDUCT.FAIL',
      deductionView(done),
    );
  })();
}
