import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { signer } from '../http/server';
import { json, noContent } from '../http/reply';
import { codepay } from './codepay';
import { closeOrder, findOrder, reverseOrder } from './manage';
import { toTransaction } from './model';
import { createPrepayOrder } from './prepay';
import { CodepayBody, MchBody, MchQuery, PrepayBody } from './schemas';

const P = '/v3/pay/partner/transactions';
const NoParam = z.object({ no: z.string().min(1).max(64) });

export function registerOrderRoutes(app: FastifyInstance, sim: Sim): void {
  app.post(`${P}/native`, async (req, reply) => {
    const r = createPrepayOrder(sim, signer(req), 'NATIVE', PrepayBody.parse(req.body));
    return json(reply, 200, { code_url: r.code_url });
  });
  app.post(`${P}/jsapi`, async (req, reply) => {
    const r = createPrepayOrder(sim, signer(req), 'JSAPI', PrepayBody.parse(req.body));
    return json(reply, 200, { prepay_id: r.prepay_id });
  });
  app.post(`${P}/h5`, async (req, reply) => {
    const r = createPrepayOrder(sim, signer(req), 'MWEB', PrepayBody.parse(req.body));
    return json(reply, 200, { h5_url: r.h5_url });
  });
  app.post(`${P}/codepay`, async (req, reply) => {
    const r = codepay(sim, signer(req), CodepayBody.parse(req.body));
    // WeChat answers a password wait with 202 and nothing but the state; the caller must poll.
    if (r.kind === 'userpaying') return json(reply, 202, { trade_state: 'USERPAYING' });
    return json(reply, 200, toTransaction(sim, r.order));
  });
  app.get(`${P}/out-trade-no/:no`, async (req, reply) => {
    const { no } = NoParam.parse(req.params);
    const q = MchQuery.parse(req.query);
    return json(
      reply,
      200,
      toTransaction(sim, findOrder(sim, signer(req), q.sp_mchid, q.sub_mchid, { out_trade_no: no })),
    );
  });
  app.get(`${P}/id/:no`, async (req, reply) => {
    const { no } = NoParam.parse(req.params);
    const q = MchQuery.parse(req.query);
    return json(
      reply,
      200,
      toTransaction(sim, findOrder(sim, signer(req), q.sp_mchid, q.sub_mchid, { transaction_id: no })),
    );
  });
  app.post(`${P}/out-trade-no/:no/close`, async (req, reply) => {
    const { no } = NoParam.parse(req.params);
    const b = MchBody.parse(req.body);
    closeOrder(sim, findOrder(sim, signer(req), b.sp_mchid, b.sub_mchid, { out_trade_no: no }));
    return noContent(reply);
  });
  app.post(`${P}/out-trade-no/:no/reverse`, async (req, reply) => {
    const { no } = NoParam.parse(req.params);
    const b = MchBody.parse(req.body);
    const o = findOrder(sim, signer(req), b.sp_mchid, b.sub_mchid, { out_trade_no: no });
    reverseOrder(sim, o);
    return json(reply, 200, {
      sp_mchid: o.sp_mchid,
      sub_mchid: o.sub_mchid,
      out_trade_no: o.out_trade_no,
      transaction_id: o.transaction_id,
    });
  });
}
