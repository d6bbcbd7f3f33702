import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { RefundBody, applyRefund, getRefund, refundView, retryAbnormal } from './service';

const R = '/v3/refund/domestic/refunds';

export function registerRefundRoutes(app: FastifyInstance, sim: Sim): void {
  app.post(R, async (req, reply) =>
    json(reply, 200, refundView(sim, applyRefund(sim, signer(req), RefundBody.parse(req.body)))),
  );

  app.get(`${R}/:no`, async (req, reply) => {
    const { no } = z.object({ no: z.string().min(1).max(64) }).parse(req.params);
    const { sub_mchid } = z.object({ sub_mchid: z.string().max(12) }).parse(req.query);
    requirePartner(sim, signer(req), sim.id.spMchid, sub_mchid);
    const r = getRefund(sim, sub_mchid, no);
    if (r === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '退款单不存在');
    return json(reply, 200, refundView(sim, r));
  });

  app.post(`${R}/:id/apply-abnormal-refund`, async (req, reply) => {
    const { id } = z.object({ id: z.string().min(1).max(64) }).parse(req.params);
    const b = z
      .object({
        sub_mchid: z.string().max(12),
        out_refund_no: z.string().max(64),
        type: z.literal('USER_BANK_CARD'),
      })
      .parse(req.body);
    requirePartner(sim, signer(req), sim.id.spMchid, b.sub_mchid);
    const r = getRefund(sim, b.sub_mchid, b.out_refund_no);
    if (r === undefined || r.refund_id !== id) throw new SimError('RESOURCE_NOT_EXISTS', '退款单不存在');
    return json(reply, 200, refundView(sim, retryAbnormal(sim, r)));
  });
}
