/**
 * The market's fee schedule: per kind, a rate in basis points plus a fixed
 * amount, as a market-wide default (stall_id null) or a per-stall override.
 * `trade_commission` is what the split takes from each paid order.
 */
import { FEE_KINDS } from '../../shared/api/buyers';
import { mulDivRoundHalfUp } from '../../shared/money';
import type { ServerDb } from '../db/database';

export type FeeKind = (typeof FEE_KINDS)[number];

export interface FeeRule {
  stall_id: string | null;
  kind: FeeKind;
  rate_bp: number;
  fixed_fen: number;
}

/** fee = amount × rate ÷ 10,000 rounded half up, plus the fixed part, never more than the amount. Pure. */
export function feeFor(rule: Pick<FeeRule, 'rate_bp' | 'fixed_fen'> | undefined, amountFen: number): number {
  if (!rule) return 0;
  return Math.min(amountFen, mulDivRoundHalfUp(amountFen, rule.rate_bp, 10_000) + rule.fixed_fen);
}

export async function ruleFor(db: ServerDb, stallId: string, kind: FeeKind): Promise<FeeRule | undefined> {
  const rows = await db
    .selectFrom('fee_rule')
    .select(['stall_id', 'kind', 'rate_bp', 'fixed_fen'])
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('stall_id', '=', stallId), eb('stall_id', 'is', null)]))
    .execute();
  const pick = rows.find((r) => r.stall_id === stallId) ?? rows.find((r) => r.stall_id === null);
  return pick ? { ...pick, kind } : undefined;
}

export async function marketFee(db: ServerDb, stallId: string, amountFen: number): Promise<number> {
  return feeFor(await ruleFor(db, stallId, 'trade_commission'), amountFen);
}
