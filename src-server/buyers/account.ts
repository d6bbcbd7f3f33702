/**
 * A buyer's on-account history, read from the ledger (memo account M1103, debit
 * = the buyer owes more): the statement (对账单) over a range of business days
 * with its running balance, and since when the balance has been owed — the day
 * of the oldest on-account sale not yet paid off, repayments and refunds
 * settling the oldest debts first.
 */
import type { ServerDb } from '../db/database';

export interface AccountMove {
  business_day: string;
  created_ms: number;
  txn_type: string;
  /** the receipt number of the sale, or the reference of a repayment */
  ref: string | null;
  /** positive: the buyer owes more (a sale on account); negative: repaid or refunded */
  amount_fen: number;
}

export async function accountMoves(
  db: ServerDb,
  buyerIds: readonly string[],
): Promise<Map<string, AccountMove[]>> {
  const out = new Map<string, AccountMove[]>(buyerIds.map((id) => [id, []]));
  if (buyerIds.length === 0) return out;
  const rows = await db
    .selectFrom('ledger_account as a')
    .innerJoin('ledger_posting as p', 'p.account_id', 'a.id')
    .innerJoin('ledger_entry as e', 'e.id', 'p.entry_id')
    .select(['a.buyer_id', 'e.business_day', 'e.created_ms', 'e.txn_type', 'e.ref', 'p.amount_fen'])
    .where('a.chart_code', '=', 'M1103')
    .where('a.buyer_id', 'in', buyerIds)
    .orderBy('e.business_day')
    .orderBy('e.created_ms')
    .orderBy('e.id')
    .execute();
  for (const r of rows)
    if (r.buyer_id)
      out.get(r.buyer_id)?.push({
        business_day: r.business_day,
        created_ms: Number(r.created_ms),
        txn_type: r.txn_type,
        ref: r.ref,
        amount_fen: Number(r.amount_fen),
      });
  return out;
}

/** The business day of the oldest debt still open, or null when nothing is owed. */
export function owedSince(moves: readonly AccountMove[]): string | null {
  const open: { day: string; fen: number }[] = [];
  let credit = 0;
  for (const m of moves) {
    if (m.amount_fen > 0) open.push({ day: m.business_day, fen: m.amount_fen });
    else credit -= m.amount_fen;
    while (credit > 0 && open.length > 0) {
      const first = open[0];
      if (!first) break;
      const used = Math.min(first.fen, credit);
      first.fen -= used;
      credit -= used;
      if (first.fen === 0) open.shift();
    }
  }
  return open[0]?.day ?? null;
}

export interface Statement {
  from: string;
  to: string;
  opening_fen: number;
  lines: (AccountMove & { balance_fen: number })[];
  charged_fen: number;
  repaid_fen: number;
  closing_fen: number;
}

export function statementOf(moves: readonly AccountMove[], from: string, to: string): Statement {
  let balance = 0;
  let charged = 0;
  let repaid = 0;
  const lines: Statement['lines'] = [];
  for (const m of moves) {
    if (m.business_day > to) break;
    balance += m.amount_fen;
    if (m.business_day < from) continue;
    if (m.amount_fen > 0) charged += m.amount_fen;
    else repaid -= m.amount_fen;
    lines.push({ ...m, balance_fen: balance });
  }
  return {
    from,
    to,
    opening_fen: balance - charged + repaid,
    lines,
    charged_fen: charged,
    repaid_fen: repaid,
    closing_fen: balance,
  };
}
