import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { signer } from '../http/server';
import { json } from '../http/reply';
import { balance, frozenAcct, pendingAcct } from '../ledger/ledger';
import { SimError } from '../protocol/errors';
import { ApplymentBody, applymentView, submitApplyment } from './applyment';
import { getMerchant, type MerchantRow } from './store';

const Param = z.object({ id: z.string().min(1).max(128) });

export function settledTotal(sim: Sim, party: string): number {
  return (
    sim.db.prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM payouts WHERE party = ?').get(party) as {
      s: number;
    }
  ).s;
}

export function registerMerchantRoutes(app: FastifyInstance, sim: Sim): void {
  app.post('/v3/applyment4sub/applyment/', async (req, reply) =>
    json(reply, 200, submitApplyment(sim, signer(req), ApplymentBody.parse(req.body))),
  );

  const view = (col: 'business_code' | 'applyment_id', id: string): Record<string, unknown> => {
    const m = sim.db.prepare(`SELECT * FROM merchants WHERE ${col} = ?`).get(id) as MerchantRow | undefined;
    if (m === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '申请单不存在');
    return applymentView(m);
  };
  app.get('/v3/applyment4sub/applyment/business_code/:id', async (req, reply) => {
    signer(req);
    return json(reply, 200, view('business_code', Param.parse(req.params).id));
  });
  app.get('/v3/applyment4sub/applyment/applyment_id/:id', async (req, reply) => {
    signer(req);
    return json(reply, 200, view('applyment_id', Param.parse(req.params).id));
  });

  // Simulator endpoint in WeChat style (no WeChat equivalent for a partner's sub-merchant balance).
  app.get('/v3/merchants/:id/balance', async (req, reply) => {
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const id = Param.parse(req.params).id;
    if (id !== sim.id.spMchid && getMerchant(sim.db, id) === undefined)
      throw new SimError('RESOURCE_NOT_EXISTS', '商户不存在');
    return json(reply, 200, {
      sub_mchid: id,
      pending_amount: balance(sim.db, frozenAcct(id)),
      available_amount: balance(sim.db, pendingAcct(id)),
      settled_amount: settledTotal(sim, id),
    });
  });
}
