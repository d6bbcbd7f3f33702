import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { formatCny, parseYuan } from '../../shared/money';
import { getBuyer, listBuyers } from '../buyers/store';
import { channelFromUserAgent } from '../codes/classify';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { getMerchant } from '../merchants/store';
import { createStaticCode, getStaticCode, payStaticCode } from '../orders/static';
import { SimError } from '../protocol/errors';
import { ACCENT, APP_NAME, esc, page } from './html';

const Code = z.object({ code: z.string().regex(/^\d{12}$/) });
const PayForm = z.object({
  amount: z.string().max(16),
  buyer_id: z.string().min(1).max(64),
  password: z.string().max(32),
});

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

export function registerStaticCodeRoutes(app: FastifyInstance, sim: Sim): void {
  // Simulator endpoint in WeChat style: issue a stall's printed static code.
  app.post('/v3/sim/static-codes', async (req, reply) => {
    const b = z
      .object({
        sub_mchid: z.string().regex(/^\d{8,12}$/),
        notify_url: z.string().url().max(256).optional(),
        description: z.string().min(1).max(127).optional(),
      })
      .parse(req.body);
    const sc = createStaticCode(sim, signer(req), b);
    return json(reply, 200, { static_code: sc.code, qr_url: `${sim.baseUrl()}/qr/${sc.code}` });
  });

  app.get('/qr/:code', async (req, reply) => {
    const sc = getStaticCode(sim, Code.parse(req.params).code);
    if (sc === undefined) return html(reply, 404, page('收款码无效', '<h1>收款码无效</h1>', '#999'));
    const channel = channelFromUserAgent(req.headers['user-agent']);
    if (channel === null)
      return html(reply, 400, page('请使用钱包扫码', '<h1>请在微信/支付宝/银联应用内扫码进入</h1>', '#999'));
    const options = listBuyers(sim)
      .filter((b) => b.channel === channel)
      .map((b) => `<option value="${esc(b.id)}">${esc(b.name)}（余额 ${formatCny(b.balance_fen)}）</option>`)
      .join('');
    return html(
      reply,
      200,
      page(
        APP_NAME[channel],
        `<h1>${esc(getMerchant(sim.db, sc.sub_mchid)?.merchant_name ?? '')}</h1>
<form class="card" method="post" action="/qr/${esc(sc.code)}/pay">
<label for="amount">金额（元）</label><input id="amount" name="amount" inputmode="decimal">
<label for="buyer_id">付款账户</label><select id="buyer_id" name="buyer_id">${options}</select>
<label for="password">支付密码</label><input id="password" name="password" type="password" inputmode="numeric" maxlength="6">
<button class="pay" type="submit">付款</button></form>`,
        ACCENT[channel],
      ),
    );
  });

  app.post('/qr/:code/pay', async (req, reply) => {
    const sc = getStaticCode(sim, Code.parse(req.params).code);
    const channel = channelFromUserAgent(req.headers['user-agent']);
    if (sc === undefined || channel === null)
      return html(reply, 400, page('无法支付', '<h1>请在微信/支付宝/银联应用内扫码进入</h1>', '#999'));
    const form = PayForm.parse(req.body);
    const fail = (msg: string): FastifyReply =>
      html(reply, 200, page('支付失败', `<h1>支付失败</h1><p class="msg">${esc(msg)}</p>`, ACCENT[channel]));
    const amount = parseYuan(form.amount);
    if (amount === null || amount <= 0) return fail('请输入正确的金额');
    const buyer = getBuyer(sim, form.buyer_id);
    if (buyer === undefined || buyer.channel !== channel) return fail('付款账户不属于当前应用');
    if (buyer.password !== form.password) return fail('支付密码错误');
    try {
      payStaticCode(sim, sc, buyer.id, channel, amount);
    } catch (e) {
      if (e instanceof SimError) return fail(e.message);
      throw e;
    }
    return html(
      reply,
      200,
      page('支付成功', `<h1>支付成功</h1><div class="amount">${formatCny(amount)}</div>`, ACCENT[channel]),
    );
  });
}
