/**
 * Settlement report per merchant (stall) and day: what we booked (gross,
 * refunds, the channel fee, the market fee, net to be settled T+1 by the
 * institution) beside what the institution's bill says; and the market's
 * fee income by type from the ledger (account 6051).
 */
import { sql } from 'kysely';
import type { SettlementRow } from '../../shared/api/admin-web';
import type { ServerDb } from '../db/database';
import { DAY_MS, shanghaiMidnightMs } from '../recon/days';
import { rdb } from '../recon/schema';

/** the stall's memo accounts for the market fee and the channel fee it bears (ledger/chart.ts) */
const STALL_MARKET_FEE = 'M6101';
const STALL_CHANNEL_FEE = 'M6102';
const big = (col: string) => sql<number>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;
const billDate = (day: string): string => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;

export async function settlementReport(db: ServerDb, day: string): Promise<SettlementRow[]> {
  const r = rdb(db);
  const from = shanghaiMidnightMs(billDate(day));
  const stalls = await db.selectFrom('stall').select(['id', 'name', 'sub_mchid']).orderBy('id').execute();
  const pays = await r
    .selectFrom('payment_order')
    .select(['stall_id', (eb) => eb.fn.countAll<number>().as('n'), big('amount_fen').as('gross')])
    .where('business_day', '=', day)
    .where('state', '=', 'succeeded')
    .groupBy('stall_id')
    .execute();
  // The fees as booked, net of what came back on refunds (分账回退, the institution's fee returned): an order's
  // own fee columns are what it cost when paid, before any refund.
  const fees = await db
    .selectFrom('ledger_posting as p')
    .innerJoin('ledger_entry as e', 'e.id', 'p.entry_id')
    .innerJoin('ledger_account as a', 'a.id', 'p.account_id')
    .select(['a.stall_id', 'p.chart_code', big('p.amount_fen').as('fen')])
    .where('e.business_day', '=', day)
    .where('p.chart_code', 'in', [STALL_MARKET_FEE, STALL_CHANNEL_FEE])
    .groupBy(['a.stall_id', 'p.chart_code'])
    .execute();
  const feeOf = (stallId: string, code: string): number =>
    Number(fees.find((x) => x.stall_id === stallId && x.chart_code === code)?.fen ?? 0);
  const refunds = await r
    .selectFrom('payment_refund as f')
    .innerJoin('payment_order as o', 'o.out_trade_no', 'f.out_trade_no')
    .select(['o.stall_id', big('f.amount_fen').as('fen')])
    .where('f.state', 'in', ['processing', 'succeeded'])
    .where('f.created_ms', '>=', from)
    .where('f.created_ms', '<', from + DAY_MS)
    .groupBy('o.stall_id')
    .execute();
  const inst = await r
    .selectFrom('recon_merchant_day')
    .selectAll()
    .where('bill_date', '=', billDate(day))
    .execute();
  return stalls.map((s) => {
    const p = pays.find((x) => x.stall_id === s.id);
    const f = refunds.find((x) => x.stall_id === s.id);
    const i = s.sub_mchid === null ? undefined : inst.find((x) => x.sub_mchid === s.sub_mchid);
    const gross = Number(p?.gross ?? 0);
    const refund = Number(f?.fen ?? 0);
    const chan = feeOf(s.id, STALL_CHANNEL_FEE);
    const mkt = feeOf(s.id, STALL_MARKET_FEE);
    return {
      stall_id: s.id,
      name: s.name,
      sub_mchid: s.sub_mchid,
      payments: Number(p?.n ?? 0),
      gross_fen: gross,
      refund_fen: refund,
      channel_fee_fen: chan,
      market_fee_fen: mkt,
      net_fen: gross - refund - chan - mkt,
      inst_gross_fen: i ? i.gross_fen : null,
      inst_refund_fen: i ? i.refund_fen : null,
      inst_fee_fen: i ? i.fee_fen : null,
      inst_net_fen: i ? i.gross_fen - i.refund_fen - i.fee_fen - mkt : null,
    };
  });
}

/** Fee income per entry type (the split's market fee, invoiced charges…) over [from, to] business days; credits shown positive. */
export async function feeIncome(db: ServerDb, from: string, to: string) {
  const rows = await db
    .selectFrom('ledger_posting as p')
    .innerJoin('ledger_entry as e', 'e.id', 'p.entry_id')
    .select(['e.txn_type', (eb) => eb.fn.countAll<number>().as('n'), big('p.amount_fen').as('fen')])
    .where('p.chart_code', '=', '6051')
    .where('e.business_day', '>=', from)
    .where('e.business_day', '<=', to)
    .groupBy('e.txn_type')
    .execute();
  return rows.map((x) => ({ txn_type: x.txn_type, entries: Number(x.n), income_fen: -Number(x.fen) }));
}

/** Every posting on the ledger per account (科目) for a date range. */
export async function ledgerByAccount(db: ServerDb, from: string, to: string) {
  const rows = await db
    .selectFrom('ledger_posting as p')
    .innerJoin('ledger_entry as e', 'e.id', 'p.entry_id')
    .select([
      'p.chart_code',
      'p.account_id',
      'p.book',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`cast(coalesce(sum(case when p.amount_fen > 0 then p.amount_fen else 0 end), 0) as bigint)`.as(
        'dr',
      ),
      sql<number>`cast(coalesce(sum(case when p.amount_fen < 0 then -p.amount_fen else 0 end), 0) as bigint)`.as(
        'cr',
      ),
    ])
    .where('e.business_day', '>=', from)
    .where('e.business_day', '<=', to)
    .groupBy(['p.chart_code', 'p.account_id', 'p.book'])
    .orderBy('p.chart_code')
    .orderBy('p.account_id')
    .execute();
  return rows.map((x) => ({
    chart_code: x.chart_code,
    account_id: x.account_id,
    book: x.book,
    postings: Number(x.n),
    debit_fen: Number(x.dr),
    credit_fen: Number(x.cr),
    net_fen: Number(x.dr) - Number(x.cr),
  }));
}
