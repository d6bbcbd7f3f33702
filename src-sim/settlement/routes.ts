import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { SimError } from '../protocol/errors';

const mask = (n: string): string => `${n.slice(0, 4)}****${n.slice(-4)}`;

/** Simulator endpoint in WeChat style: the payouts (结算记录) of one party, optionally for one business day. */
export function registerSettlementRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/v3/sim/settlements', async (req, reply) => {
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const q = z.object({ sub_mchid: z.string().regex(/^\d{8,12}$/), settle_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).parse(req.query);
    const rows = (q.settle_date === undefined
      ? sim.db.prepare('SELECT * FROM payouts WHERE party = ? ORDER BY at').all(q.sub_mchid)
      : sim.db.prepare('SELECT * FROM payouts WHERE party = ? AND day = ? ORDER BY at').all(q.sub_mchid, q.settle_date)) as
      { id: string; day: string; amount_fen: number; card_name: string; card_number: string; at: number }[];
    return json(reply, 200, {
      data: rows.map((r) => ({ settlement_id: r.id, settle_date: r.day, amount: r.amount_fen, account_name: r.card_name, account_number: mask(r.card_number) })),
    });
  });
}
