import type { SimDb } from '../db/open';

export const RESERVE = 'inst:reserve';
export const INST_FEE = 'inst:fee';
export const REFUND_TRANSIT = 'inst:refund_transit';
export const buyerAcct = (buyerId: string): string => `buyer:${buyerId}`;
export const frozenAcct = (mchid: string): string => `mch:${mchid}:frozen`;
export const pendingAcct = (mchid: string): string => `mch:${mchid}:pending_settle`;

export interface SimLeg {
  account: string;
  amount_fen: number;
}

/** Appends one balanced journal entry. A non-integer or unbalanced entry is a programmer error. */
export function post(db: SimDb, at: number, kind: string, ref: string, legs: readonly SimLeg[]): void {
  let sum = 0;
  for (const l of legs) {
    if (!Number.isSafeInteger(l.amount_fen))
      throw new TypeError(`posting ${l.account} is not integer fen: ${l.amount_fen}`);
    sum += l.amount_fen;
  }
  if (sum !== 0) throw new Error(`unbalanced journal entry ${kind} ${ref}: sum ${sum}`);
  const nonZero = legs.filter((l) => l.amount_fen !== 0);
  if (nonZero.length === 0) return;
  const id = db
    .prepare('INSERT INTO journal (at, kind, ref) VALUES (?, ?, ?)')
    .run(at, kind, ref).lastInsertRowid;
  const ins = db.prepare('INSERT INTO postings (journal_id, account, amount_fen, at) VALUES (?, ?, ?, ?)');
  for (const l of nonZero) ins.run(id, l.account, l.amount_fen, at);
}

/** Moves a claim of `amount_fen` from one party account to another. */
export function move(
  db: SimDb,
  at: number,
  kind: string,
  ref: string,
  from: string,
  to: string,
  amount_fen: number,
): void {
  if (amount_fen < 0) throw new RangeError(`negative move ${kind} ${ref}`);
  post(db, at, kind, ref, [
    { account: from, amount_fen },
    { account: to, amount_fen: -amount_fen },
  ]);
}

/** The party's claim on the institution (for `inst:reserve`, what it holds). */
export function balance(db: SimDb, account: string): number {
  const row = db
    .prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM postings WHERE account = ?')
    .get(account) as { s: number };
  return account === RESERVE ? row.s : -row.s;
}

export interface LedgerCheck {
  balanced: boolean;
  reserve_fen: number;
  claims_fen: number;
  negative: { account: string; balance_fen: number }[];
}

export function checkLedger(db: SimDb): LedgerCheck {
  const rows = db.prepare('SELECT account, SUM(amount_fen) AS s FROM postings GROUP BY account').all() as {
    account: string;
    s: number;
  }[];
  let reserve = 0;
  let claims = 0;
  const negative: LedgerCheck['negative'] = [];
  for (const r of rows) {
    if (r.account === RESERVE) reserve = r.s;
    else {
      claims += -r.s;
      if (-r.s < 0) negative.push({ account: r.account, balance_fen: -r.s });
    }
  }
  const unbalanced = db
    .prepare('SELECT journal_id FROM postings GROUP BY journal_id HAVING SUM(amount_fen) <> 0 LIMIT 1')
    .get();
  return {
    balanced: unbalanced === undefined && reserve === claims,
    reserve_fen: reserve,
    claims_fen: claims,
    negative,
  };
}
