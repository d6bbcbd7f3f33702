/**
 * A stall's own reports (shared/api/stall-report.ts): the day's 日报 and the
 * past days with what reached the stall's card. Takings come from the one
 * definition (takings.ts), the hours and the buyers owing from breakdowns.ts,
 * the settlement from the same report the office reads (admin-web/settlement.ts).
 */
import type { z } from 'zod';
import type { StallReport, stallDaysSchema } from '../../shared/api/stall-report';
import { emptyTakings } from '../../shared/sales/takings';
import { addDays } from '../../shared/time';
import { UNITS, type Unit } from '../../shared/units';
import type { ServerDb } from '../db/database';
import { settlementReport } from '../admin-web/settlement';
import { big, buyersOwing, hourlySales } from './breakdowns';
import { dayTakings } from './takings';

/** Tenders that stand for the sale's amount (not failed, reversed or closed at the institution). */
const STANDING = ['paid', 'pending'];
const isUnit = (u: string): u is Unit => (UNITS as readonly string[]).includes(u);
const asUnit = (u: string): Unit => {
  if (!isUnit(u)) throw new Error(`sale line unit ${u} is not one we sell in`);
  return u;
};

export async function stallReport(db: ServerDb, stallId: string, day: string): Promise<StallReport> {
  const stall = await db
    .selectFrom('stall')
    .select('name')
    .where('id', '=', stallId)
    .executeTakeFirstOrThrow();
  const takings = (await dayTakings(db, day, stallId)).by_stall.get(stallId) ?? emptyTakings();
  const products = await db
    .selectFrom('sale_line as l')
    .innerJoin('sale as s', 's.id', 'l.sale_id')
    .select([
      'l.name',
      'l.unit',
      big('l.quantity').as('quantity'),
      big('l.amount_fen').as('amount_fen'),
      (eb) => eb.fn.countAll<number>().as('lines'),
    ])
    .where('s.stall_id', '=', stallId)
    .where('s.business_day', '=', day)
    .where('s.status', '!=', 'voided')
    .groupBy(['l.name', 'l.unit'])
    .execute();
  const refunds = await db
    .selectFrom('refund')
    .select(['refund_no', 'amount_fen', 'reason', 'at_ms', 'approved_by'])
    .where('stall_id', '=', stallId)
    .where('business_day', '=', day)
    .orderBy('at_ms')
    .execute();
  const onAccount = await db
    .selectFrom('sale_tender as t')
    .innerJoin('sale as s', 's.id', 't.sale_id')
    .leftJoin('buyer as b', 'b.id', 't.buyer_id')
    .select(['t.buyer_id', 'b.name', big('t.amount_fen').as('fen')])
    .where('s.stall_id', '=', stallId)
    .where('s.business_day', '=', day)
    .where('s.status', '!=', 'voided')
    .where('t.kind', '=', 'account')
    .where('t.status', 'in', STANDING)
    .groupBy(['t.buyer_id', 'b.name'])
    .execute();
  const owing = await buyersOwing(db, stallId);
  return {
    stall_id: stallId,
    name: stall.name,
    business_day: day,
    takings,
    hourly: await hourlySales(db, day, stallId),
    products: products
      .map((p) => ({
        name: p.name,
        unit: asUnit(p.unit),
        quantity: Number(p.quantity),
        lines: Number(p.lines),
        amount_fen: Number(p.amount_fen),
      }))
      .sort((a, b) => b.amount_fen - a.amount_fen),
    refunds: refunds.map((r) => ({
      refund_no: r.refund_no,
      amount_fen: Number(r.amount_fen),
      reason: r.reason,
      at_ms: Number(r.at_ms),
      approved: r.approved_by !== null,
    })),
    receivables: onAccount
      .map((a) => ({
        buyer_id: a.buyer_id ?? '',
        name: a.name ?? a.buyer_id ?? '',
        day_fen: Number(a.fen),
        owed_fen: owing.find((o) => o.buyer_id === a.buyer_id)?.owed_fen ?? 0,
      }))
      .sort((a, b) => b.day_fen - a.day_fen),
  };
}

const masked = (account: string | null): string | null =>
  account === null ? null : `**** ${account.replace(/\s/g, '').slice(-4)}`;

export async function stallDays(
  db: ServerDb,
  stallId: string,
  from: string,
  to: string,
): Promise<z.output<typeof stallDaysSchema>> {
  const stall = await db
    .selectFrom('stall')
    .select('settlement_account')
    .where('id', '=', stallId)
    .executeTakeFirstOrThrow();
  const sales = await db
    .selectFrom('sale')
    .select(['business_day', (eb) => eb.fn.countAll<number>().as('n'), big('total_fen').as('fen')])
    .where('stall_id', '=', stallId)
    .where('business_day', '>=', from)
    .where('business_day', '<=', to)
    .where('status', '!=', 'voided')
    .groupBy('business_day')
    .execute();
  const refunds = await db
    .selectFrom('refund')
    .select(['business_day', big('amount_fen').as('fen')])
    .where('stall_id', '=', stallId)
    .where('business_day', '>=', from)
    .where('business_day', '<=', to)
    .groupBy('business_day')
    .execute();
  const days = [];
  // Newest first: the owner looks at yesterday before last week.
  for (const s of sales.sort((a, b) => (a.business_day < b.business_day ? 1 : -1))) {
    const row = (await settlementReport(db, s.business_day)).find((r) => r.stall_id === stallId);
    const fees = (row?.channel_fee_fen ?? 0) + (row?.market_fee_fen ?? 0);
    days.push({
      business_day: s.business_day,
      sales: Number(s.n),
      sales_fen: Number(s.fen),
      refunds_fen: Number(refunds.find((r) => r.business_day === s.business_day)?.fen ?? 0),
      wallet_fen: row?.gross_fen ?? 0,
      fees_fen: fees,
      net_to_card_fen: row?.inst_net_fen ?? row?.net_fen ?? 0,
      settle_day: addDays(s.business_day, 1),
      settled: row?.inst_net_fen !== null && row?.inst_net_fen !== undefined,
    });
  }
  return { stall_id: stallId, settlement_account: masked(stall.settlement_account), days };
}
