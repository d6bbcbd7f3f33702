import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { SimError } from '../protocol/errors';
import { WithdrawBody, getWithdrawal, requestWithdrawal, withdrawalView } from './withdraw';

const mask = (n: string): string => `${n.slice(0, 4)}****${n.slice(-4)}`;

/** Simulator endpoints in WeChat style: payouts (结算记录) of one party, and withdrawals (提现). */
export function registerSettlementRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/v3/sim/settlements', async (req, reply) => {
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const q = z
      .object({
        sub_mchid: z.string().regex(/^\d{8,12}$/),
        settle_date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .parse(req.query);
    const rows = (
      q.settle_date === undefined
        ? sim.db.prepare('SELECT * FROM payouts WHERE party = ? ORDER BY at').all(q.sub_mchid)
        : sim.db
            .prepare('SELECT * FROM payouts WHERE party = ? AND day = ? ORDER BY at')
            .all(q.sub_mchid, q.settle_date)
    ) as {
      id: string;
      day: string;
      amount_fen: number;
      card_name: string;
      card_number: string;
      at: number;
    }[];
    return json(reply, 200, {
      data: rows.map((r) => ({
        settlement_id: r.id,
        settle_date: r.day,
        amount: r.amount_fen,
        account_name: r.card_name,
        account_number: mask(r.card_number),
      })),
    });
  });

  app.post('/v3/sim/withdrawals', async (req, reply) =>
    json(reply, 200, withdrawalView(requestWithdrawal(sim, signer(req), WithdrawBody.parse(req.body)))),
  );
  app.get('/v3/sim/withdrawals/:no', async (req, reply) => {
    const { no } = z.object({ no: z.string().min(1).max(32) }).parse(req.params);
    const { sub_mchid } = z.object({ sub_mchid: z.string().max(12) }).parse(req.query);
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const w = getWithdrawal(sim, sub_mchid, no);
    if (w === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '提现单不存在');
    return json(reply, 200, withdrawalView(w));
  });
}
