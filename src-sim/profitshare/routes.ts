import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { orderFrozen } from '../ledger/order-funds';
import { getMerchant, requirePartner } from '../merchants/store';
import { getOrderById } from '../orders/model';
import { SimError } from '../protocol/errors';
import { getShareOrder, shareView } from './model';
import { SplitBody, UnfreezeBody, requestSplit, unfreeze } from './orders';
import { AddReceiverBody, addReceiver, deleteReceiver } from './receivers';
import { ReturnBody, getReturn, requestReturn, returnView } from './returns';

const P = '/v3/profitsharing';
const No = z.object({ no: z.string().min(1).max(64) });
const Sub = z.object({ sub_mchid: z.string().max(12) }).passthrough();

export function registerProfitShareRoutes(app: FastifyInstance, sim: Sim): void {
  app.post(`${P}/receivers/add`, async (req, reply) =>
    json(reply, 200, addReceiver(sim, signer(req), AddReceiverBody.parse(req.body))),
  );
  app.post(`${P}/receivers/delete`, async (req, reply) =>
    json(
      reply,
      200,
      deleteReceiver(
        sim,
        signer(req),
        z
          .object({ sub_mchid: z.string().max(12), type: z.string().max(32), account: z.string().max(64) })
          .parse(req.body),
      ),
    ),
  );

  app.post(`${P}/orders`, async (req, reply) =>
    json(reply, 200, shareView(sim, requestSplit(sim, signer(req), SplitBody.parse(req.body)))),
  );
  app.get(`${P}/orders/:no`, async (req, reply) => {
    const { no } = No.parse(req.params);
    const q = Sub.parse(req.query);
    requirePartner(sim, signer(req), sim.id.spMchid, q.sub_mchid);
    const s = getShareOrder(sim, q.sub_mchid, no);
    if (s === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '分账单不存在');
    return json(reply, 200, shareView(sim, s));
  });
  app.post(`${P}/orders/unfreeze`, async (req, reply) =>
    json(reply, 200, shareView(sim, unfreeze(sim, signer(req), UnfreezeBody.parse(req.body)))),
  );

  app.get(`${P}/transactions/:no/amounts`, async (req, reply) => {
    const { no } = No.parse(req.params);
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const o = getOrderById(sim, no);
    if (o === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '订单不存在');
    return json(reply, 200, {
      transaction_id: no,
      unsplit_amount: o.profit_sharing === 1 ? orderFrozen(sim.db, o.sub_mchid, no) : 0,
    });
  });

  app.get(`${P}/merchant-configs/:no`, async (req, reply) => {
    const { no } = No.parse(req.params);
    if (signer(req) !== sim.id.spMchid) throw new SimError('NO_AUTH', '无权限');
    const m = getMerchant(sim.db, no);
    if (m === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '商户不存在');
    return json(reply, 200, { sub_mchid: no, max_ratio: m.max_ratio_bp });
  });

  app.post(`${P}/return-orders`, async (req, reply) =>
    json(reply, 200, returnView(sim, requestReturn(sim, signer(req), ReturnBody.parse(req.body)))),
  );
  app.get(`${P}/return-orders/:no`, async (req, reply) => {
    const { no } = No.parse(req.params);
    const q = Sub.parse(req.query);
    requirePartner(sim, signer(req), sim.id.spMchid, q.sub_mchid);
    const r = getReturn(sim, q.sub_mchid, no);
    if (r === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '回退单不存在');
    return json(reply, 200, returnView(sim, r));
  });
}
