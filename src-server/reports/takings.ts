/**
 * The server's takings of a business day (shared/sales/takings.ts), from the
 * projection of the terminals' journals: per terminal, per stall and for the
 * market. The same definition the tills' Z reports count with, so a closed
 * terminal's Z report and the server's figures of the same rows agree to the
 * fen. The wallet of a paid tender is what the till said, or else what the
 * institution said when the order succeeded.
 */
import { sql } from 'kysely';
import type { ServerDb } from '../db/database';
import type { TenderKind } from '../../shared/journal/entries';
import { TENDER_KINDS } from '../../shared/journal/entries';
import { TENDER_STATUSES, type TenderStatus } from '../../shared/sales/outcome';
import {
  addRefund,
  addSale,
  emptyTakings,
  walletOf,
  type Takings,
  type TakingsTender,
} from '../../shared/sales/takings';

export interface DayTakings {
  all: Takings;
  by_stall: Map<string, Takings>;
  by_terminal: Map<string, { stall_id: string; takings: Takings }>;
}

const isKind = (k: string): k is TenderKind => (TENDER_KINDS as readonly string[]).includes(k);
const isStatus = (s: string): s is TenderStatus => (TENDER_STATUSES as readonly string[]).includes(s);

/** Tenders of the day's sales, in one query; a kind or status the definition does not know is an error, not a guess. */
async function dayTenders(
  db: ServerDb,
  day: string,
  onlyStall: string | null,
): Promise<Map<string, TakingsTender[]>> {
  let q = db
    .selectFrom('sale_tender as t')
    .innerJoin('sale as s', 's.id', 't.sale_id')
    .select([
      't.sale_id',
      't.kind',
      't.amount_fen',
      't.status',
      sql<
        string | null
      >`coalesce(t.wallet, (select max(o.channel) from payment_order o where o.sale_id = t.sale_id and o.tender_no = t.tender_no and o.state = 'succeeded'))`.as(
        'wallet',
      ),
    ])
    .where('s.business_day', '=', day);
  if (onlyStall) q = q.where('s.stall_id', '=', onlyStall);
  const out = new Map<string, TakingsTender[]>();
  for (const r of await q.execute()) {
    if (!isKind(r.kind) || !isStatus(r.status))
      throw new Error(
        `sale ${r.sale_id}: tender kind ${r.kind} / status ${r.status} is not one the takings know`,
      );
    const list = out.get(r.sale_id) ?? [];
    list.push({
      kind: r.kind,
      amount_fen: Number(r.amount_fen),
      status: r.status,
      wallet: walletOf(r.wallet),
    });
    out.set(r.sale_id, list);
  }
  return out;
}

export async function dayTakings(db: ServerDb, day: string, onlyStall: string | null): Promise<DayTakings> {
  let sales = db
    .selectFrom('sale')
    .select(['id', 'terminal_id', 'stall_id', 'total_fen', 'status'])
    .where('business_day', '=', day);
  let refunds = db
    .selectFrom('refund_tender as rt')
    .innerJoin('refund as r', 'r.id', 'rt.refund_id')
    .select(['r.id', 'r.terminal_id', 'r.stall_id', 'rt.kind', 'rt.amount_fen'])
    .where('r.business_day', '=', day);
  if (onlyStall) {
    sales = sales.where('stall_id', '=', onlyStall);
    refunds = refunds.where('r.stall_id', '=', onlyStall);
  }
  const tenders = await dayTenders(db, day, onlyStall);
  const out: DayTakings = { all: emptyTakings(), by_stall: new Map(), by_terminal: new Map() };
  const slots = (terminal: string, stall: string): Takings[] => {
    const s = out.by_stall.get(stall) ?? emptyTakings();
    out.by_stall.set(stall, s);
    const t = out.by_terminal.get(terminal) ?? { stall_id: stall, takings: emptyTakings() };
    out.by_terminal.set(terminal, t);
    return [out.all, s, t.takings];
  };
  for (const s of await sales.execute()) {
    const sale = {
      total_fen: Number(s.total_fen),
      voided: s.status === 'voided',
      tenders: tenders.get(s.id) ?? [],
    };
    for (const acc of slots(s.terminal_id, s.stall_id)) addSale(acc, sale);
  }
  const byRefund = new Map<
    string,
    { terminal: string; stall: string; tenders: { kind: TenderKind; amount_fen: number }[] }
  >();
  for (const r of await refunds.execute()) {
    if (!isKind(r.kind)) throw new Error(`refund ${r.id}: tender kind ${r.kind} is not one the takings know`);
    const x = byRefund.get(r.id) ?? { terminal: r.terminal_id, stall: r.stall_id, tenders: [] };
    x.tenders.push({ kind: r.kind, amount_fen: Number(r.amount_fen) });
    byRefund.set(r.id, x);
  }
  for (const x of byRefund.values()) for (const acc of slots(x.terminal, x.stall)) addRefund(acc, x);
  return out;
}
