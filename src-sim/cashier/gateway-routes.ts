import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { formatCny } from '../../shared/money';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { getMerchant } from '../merchants/store';
import { completeB2b, createB2bOrder } from '../orders/b2b';
import { orderByToken } from '../orders/prepay';
import { PrepayBody } from '../orders/schemas';
import { SimError } from '../protocol/errors';
import { esc, page } from './html';

const Token = z.object({ token: z.string().regex(/^[0-9a-z]{8,64}$/) });
const BANK = '#8b1a1a';

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** The B2B order endpoint and the company bank's confirmation page (no User-Agent routing: it is a bank's web page). */
export function registerGatewayRoutes(app: FastifyInstance, sim: Sim): void {
  app.post('/v3/pay/b2b/gateway', async (req, reply) => {
    const r = createB2bOrder(sim, signer(req), PrepayBody.parse(req.body));
    return json(reply, 200, { pay_url: r.pay_url });
  });

  app.get('/gateway/:token', async (req, reply) => {
    const o = orderByToken(sim, Token.parse(req.params).token);
    if (o === undefined || o.trade_type !== 'B2B')
      return html(reply, 404, page('订单不存在', '<h1>订单不存在</h1>', '#999'));
    if (o.state !== 'NOTPAY')
      return html(reply, 200, page('企业网银', `<h1>订单状态：${esc(o.state)}</h1>`, BANK));
    return html(
      reply,
      200,
      page(
        '企业网银支付',
        `<h1>企业网银 · ${esc(getMerchant(sim.db, o.sub_mchid)?.merchant_name ?? '')}</h1>
<div class="amount">${formatCny(o.amount_fen)}</div>
<form class="card" method="post" action="/gateway/${esc(o.pay_token ?? '')}/confirm"><div class="msg">${esc(o.description)}</div>
<label for="company">付款单位</label><input id="company" name="company" maxlength="64">
<button class="pay" type="submit">U盾确认付款</button></form>`,
        BANK,
      ),
    );
  });

  app.post('/gateway/:token/confirm', async (req, reply) => {
    const o = orderByToken(sim, Token.parse(req.params).token);
    if (o === undefined || o.trade_type !== 'B2B')
      return html(reply, 404, page('订单不存在', '<h1>订单不存在</h1>', '#999'));
    try {
      completeB2b(sim, o);
    } catch (e) {
      if (e instanceof SimError)
        return html(
          reply,
          200,
          page('支付失败', `<h1>支付失败</h1><p class="msg">${esc(e.message)}</p>`, BANK),
        );
      throw e;
    }
    return html(
      reply,
      200,
      page('支付成功', `<h1>转账成功</h1><div class="amount">${formatCny(o.amount_fen)}</div>`, BANK),
    );
  });
}
