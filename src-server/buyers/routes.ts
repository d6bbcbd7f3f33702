/**
 * Buyers (采购商) known to a stall, each with an on-account credit limit at
 * that stall. The balance owed is read from the ledger (memo account M1103),
 * never kept as a second truth. `over_limit` shows where offline on-account
 * sales (allowed against the limit the till last synced) went past it.
 * A change is announced to the stall's online tills (a `config` event).
 */
import { api } from '../../shared/api';
import type { buyerViewSchema } from '../../shared/api/buyers';
import { sql } from 'kysely';
import { fastUlid } from '../db/ids';
import type { z } from 'zod';
import type { ServerDb } from '../db/database';
import { implement } from '../http/route';
import { announceConfig } from '../terminals/config-change';

type BuyerView = z.output<typeof buyerViewSchema>;

async function buyersOf(db: ServerDb, where: { stall_id?: string; id?: string }): Promise<BuyerView[]> {
  let q = db
    .selectFrom('buyer as b')
    .leftJoin('ledger_account as a', (j) => j.onRef('a.buyer_id', '=', 'b.id').onRef('a.stall_id', '=', 'b.stall_id').on('a.chart_code', '=', 'M1103'))
    .leftJoin('ledger_posting as p', 'p.account_id', 'a.id')
    .select(['b.id', 'b.stall_id', 'b.name', 'b.phone', 'b.credit_limit_fen', sql<number>`cast(coalesce(sum(p.amount_fen), 0) as bigint)`.as('owed_fen')])
    .groupBy(['b.id', 'b.stall_id', 'b.name', 'b.phone', 'b.credit_limit_fen'])
    .orderBy('b.name');
  if (where.stall_id) q = q.where('b.stall_id', '=', where.stall_id);
  if (where.id) q = q.where('b.id', '=', where.id);
  return (await q.execute()).map((r) => ({ ...r, owed_fen: Number(r.owed_fen), over_limit: Number(r.owed_fen) > r.credit_limit_fen }));
}

export const buyerRoutes = [
  implement(api.buyerList, async ({ db, params }) => ({ buyers: await buyersOf(db, { stall_id: params.stall_id }) })),
  implement(api.buyerCreate, async ({ db, params, body, now, auditTarget }) => {
    const id = fastUlid(now);
    await db.insertInto('buyer').values({ id, stall_id: params.stall_id, ...body, created_ms: now }).execute();
    await announceConfig(db, params.stall_id);
    auditTarget(id);
    return { id, stall_id: params.stall_id, ...body, owed_fen: 0, over_limit: false };
  }),
  implement(api.buyerUpdate, async ({ db, params, body }) => {
    if (Object.keys(body).length > 0) await db.updateTable('buyer').set(body).where('id', '=', params.buyer_id).execute();
    const [b] = await buyersOf(db, { id: params.buyer_id });
    if (!b) throw new Error('buyer vanished');
    await announceConfig(db, b.stall_id);
    return b;
  }),
];
