/**
 * Buyers (采购商) known to a stall, each with an on-account credit limit at
 * that stall. The balance owed is read from the ledger (memo account M1103),
 * never kept as a second truth (buyers/account.ts), with the day since which
 * it is owed. `over_limit` shows where offline on-account sales (allowed
 * against the limit the till last synced) went past it. A change is announced
 * to the stall's online tills (a `config` event). The statement (对账单) lists
 * every on-account sale and repayment over a range of days, also as CSV/XLSX.
 */
import type { z } from 'zod';
import { api } from '../../shared/api';
import type { buyerViewSchema, statementViewSchema } from '../../shared/api/buyers';
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';
import { marketTimeZone, sendTable } from '../exports/send';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { announceConfig } from '../terminals/config-change';
import { accountMoves, owedSince, statementOf } from './account';
import { BUYER_COLUMNS, STATEMENT_COLUMNS } from './columns';

type BuyerView = z.output<typeof buyerViewSchema>;

async function buyersOf(db: ServerDb, where: { stall_id?: string; id?: string }): Promise<BuyerView[]> {
  let q = db
    .selectFrom('buyer')
    .select(['id', 'stall_id', 'name', 'phone', 'credit_limit_fen'])
    .orderBy('name');
  if (where.stall_id) q = q.where('stall_id', '=', where.stall_id);
  if (where.id) q = q.where('id', '=', where.id);
  const buyers = await q.execute();
  const moves = await accountMoves(
    db,
    buyers.map((b) => b.id),
  );
  return buyers.map((b) => {
    const m = moves.get(b.id) ?? [];
    const owed = m.reduce((s, x) => s + x.amount_fen, 0);
    return { ...b, owed_fen: owed, owed_since: owedSince(m), over_limit: owed > b.credit_limit_fen };
  });
}

async function buyerOrThrow(db: ServerDb, id: string): Promise<BuyerView> {
  const [b] = await buyersOf(db, { id });
  if (!b) throw new ApiError('not_found', `no buyer ${id}`);
  return b;
}

async function refuseSameName(
  db: ServerDb,
  stallId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  let q = db.selectFrom('buyer').select('id').where('stall_id', '=', stallId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw new ApiError('conflict', `this stall already has a buyer named ${name}`);
}

async function statement(
  db: ServerDb,
  buyerId: string,
  from: string,
  to: string,
): Promise<z.output<typeof statementViewSchema>> {
  const buyer = await buyerOrThrow(db, buyerId);
  const moves = (await accountMoves(db, [buyerId])).get(buyerId) ?? [];
  return { buyer, ...statementOf(moves, from, to) };
}

/** The ledger's transaction types a statement shows, in words. */
const TXN_ZH: Record<string, string> = {
  sale_credit: '赊账销售',
  repayment: '还款',
  refund_credit: '赊账退款',
};

export const buyerRoutes = [
  implement(api.buyerList, async ({ db, params }) => ({
    buyers: await buyersOf(db, { stall_id: params.stall_id }),
  })),
  implement(api.buyerCreate, async ({ db, services, params, body, now, auditTarget }) => {
    await refuseSameName(db, params.stall_id, body.name, null);
    const id = fastUlid(now);
    await db
      .insertInto('buyer')
      .values({ id, stall_id: params.stall_id, ...body, created_ms: now })
      .execute();
    await announceConfig(db, services.events, params.stall_id);
    auditTarget(id);
    return { id, stall_id: params.stall_id, ...body, owed_fen: 0, owed_since: null, over_limit: false };
  }),
  implement(api.buyerUpdate, async ({ db, services, params, body }) => {
    const before = await buyerOrThrow(db, params.buyer_id);
    if (body.name !== undefined) await refuseSameName(db, before.stall_id, body.name, before.id);
    if (Object.keys(body).length > 0)
      await db.updateTable('buyer').set(body).where('id', '=', params.buyer_id).execute();
    await announceConfig(db, services.events, before.stall_id);
    return buyerOrThrow(db, params.buyer_id);
  }),
  implement(api.buyerStatement, async ({ db, params, query }) =>
    statement(db, params.buyer_id, query.from, query.to),
  ),
  implement(api.buyerStatementExport, async ({ db, params, query, reply }) => {
    const s = await statement(db, params.buyer_id, query.from, query.to);
    const opening = {
      business_day: s.from,
      created_ms: null,
      txn_type: '期初余额',
      ref: null,
      amount_fen: null,
      balance_fen: s.opening_fen,
    };
    const rows = [opening, ...s.lines.map((l) => ({ ...l, txn_type: TXN_ZH[l.txn_type] ?? l.txn_type }))];
    return sendTable(
      reply,
      {
        name: `statement-${s.buyer.id}-${s.from}-${s.to}`,
        title: `${s.buyer.name} 对账单`,
        columns: STATEMENT_COLUMNS,
        rows,
        time_zone: await marketTimeZone(db),
      },
      query.format,
    );
  }),
  implement(api.buyerExport, async ({ db, params, query, reply }) =>
    sendTable(
      reply,
      {
        name: `buyers-${params.stall_id}`,
        title: '采购商',
        columns: BUYER_COLUMNS,
        rows: await buyersOf(db, { stall_id: params.stall_id }),
        time_zone: await marketTimeZone(db),
      },
      query.format,
    ),
  ),
];
