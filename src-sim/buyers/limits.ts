/**
 * Per-payer daily caps of 《条码支付业务规范（试行）》 (银发〔2017〕296号):
 * dynamic codes by the payer's verification level — A negotiated (no cap
 * here), B 5,000 CNY, C 1,000 CNY per day — and static codes (risk level D)
 * 500 CNY per day whatever the level. Amounts are the Asia/Shanghai day's
 * successful payments of that buyer at this institution.
 */
import type { Sim } from '../context';
import { DAY_MS, shanghaiDate, shanghaiMidnight } from '../clock';
import { SimError } from '../protocol/errors';

export type CodeLevel = 'A' | 'B' | 'C';
export const DAILY_CAP_FEN: Record<CodeLevel, number> = {
  A: Number.MAX_SAFE_INTEGER,
  B: 500_000,
  C: 100_000,
};
export const STATIC_DAILY_CAP_FEN = 50_000;

function paidToday(sim: Sim, buyerId: string, staticOnly: boolean): number {
  const start = shanghaiMidnight(shanghaiDate(sim.clock.now()));
  const row = sim.db
    .prepare(
      `SELECT COALESCE(SUM(amount_fen), 0) AS s FROM orders WHERE buyer_id = ? AND paid_at >= ? AND paid_at < ?
    AND trade_type IN ('MICROPAY', 'NATIVE', 'JSAPI', 'MWEB')${staticOnly ? ' AND static_code IS NOT NULL' : ''}`,
    )
    .get(buyerId, start, start + DAY_MS) as { s: number };
  return row.s;
}

/** Refuses a code/QR payment that would take the buyer over a daily cap. */
export function checkPayerLimits(sim: Sim, buyerId: string, amountFen: number, isStatic: boolean): void {
  const b = sim.db.prepare('SELECT code_level FROM buyers WHERE id = ?').get(buyerId) as
    { code_level: CodeLevel } | undefined;
  const level = b?.code_level ?? 'B';
  if (paidToday(sim, buyerId, false) + amountFen > DAILY_CAP_FEN[level]) {
    throw new SimError(
      'RULE_LIMIT',
      `超出付款人当日条码支付累计限额（${level}类 ${DAILY_CAP_FEN[level] / 100}元），大额请使用企业网银`,
    );
  }
  if (isStatic && paidToday(sim, buyerId, true) + amountFen > STATIC_DAILY_CAP_FEN) {
    throw new SimError('RULE_LIMIT', `超出静态码当日累计限额（${STATIC_DAILY_CAP_FEN / 100}元）`);
  }
}
