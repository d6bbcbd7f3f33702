import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Sim } from '../context';
import { formatCny } from '../../shared/money';
import { getBuyer, issueCode, listBuyers } from '../buyers/store';
import { channelFromUserAgent, type Channel } from '../codes/classify';
import { cancelUserpaying, confirmUserpaying } from '../orders/codepay';
import { isPaid, type OrderRow } from '../orders/model';
import { completePayment } from '../orders/pay';
import { CODE_URL_TTL_MS, orderByToken } from '../orders/prepay';
import { getMerchant } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { ACCENT, APP_NAME, esc, page } from './html';

const Token = z.object({ token: z.string().regex(/^[0-9a-z]{8,64}$/) });
const ConfirmForm = z.object({ buyer_id: z.string().min(1).max(64), password: z.string().max(32) });
const WalletParams = z.object({ id: z.string().min(1).max(64) });
const WalletTx = z.object({ id: z.string().min(1).max(64), tx: z.string().regex(/^\d{10,40}$/) });

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

const WRONG_APP = page('请使用钱包扫码', '<h1>请在微信/支付宝/银联应用内扫码进入</h1>', '#999');

/** Why this order cannot be paid on the page right now, or null. */
function unpayable(sim: Sim, o: OrderRow): string | null {
  if (o.trade_type === 'B2B') return '请使用企业网银付款';
  if (isPaid(o.state)) return '订单已支付';
  if (o.state !== 'NOTPAY') return '订单已关闭';
  const now = sim.clock.now();
  if (now > o.time_expire) return '订单已过期';
  if (o.trade_type === 'NATIVE' && now - o.created_at > CODE_URL_TTL_MS)
    return '二维码已过期，请商户重新生成';
  return null;
}

function payForm(sim: Sim, o: OrderRow, channel: Channel, token: string): string {
  const merchant = getMerchant(sim.db, o.sub_mchid);
  const buyers = listBuyers(sim).filter((b) => b.channel === channel);
  const options = buyers
    .map((b) => `<option value="${esc(b.id)}">${esc(b.name)}（余额 ${formatCny(b.balance_fen)}）</option>`)
    .join('');
  return page(
    APP_NAME[channel],
    `<h1>${esc(merchant?.merchant_name ?? '')}</h1>
<div class="amount">${formatCny(o.amount_fen)}</div>
<form class="card" method="post" action="/cashier/pay/${esc(token)}/confirm">
<div class="msg">${esc(o.description)}</div>
<label for="buyer_id">付款账户</label><select id="buyer_id" name="buyer_id">${options}</select>
<label for="password">支付密码</label><input id="password" name="password" type="password" inputmode="numeric" maxlength="6">
<button class="pay" type="submit">确认支付</button></form>
<form method="post" action="/cashier/pay/${esc(token)}/cancel"><button class="cancel" type="submit">取消</button></form>`,
    ACCENT[channel],
  );
}

export function registerCashierRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/cashier/pay/:token', async (req, reply) => {
    const { token } = Token.parse(req.params);
    const o = orderByToken(sim, token);
    if (o === undefined) return html(reply, 404, page('订单不存在', '<h1>订单不存在</h1>', '#999'));
    const channel = channelFromUserAgent(req.headers['user-agent']);
    if (channel === null) return html(reply, 400, WRONG_APP);
    const why = unpayable(sim, o);
    if (why !== null) return html(reply, 200, page(why, `<h1>${esc(why)}</h1>`, ACCENT[channel]));
    return html(reply, 200, payForm(sim, o, channel, token));
  });

  app.post('/cashier/pay/:token/confirm', async (req, reply) => {
    const { token } = Token.parse(req.params);
    const form = ConfirmForm.parse(req.body);
    const o = orderByToken(sim, token);
    const channel = channelFromUserAgent(req.headers['user-agent']);
    if (o === undefined) return html(reply, 404, page('订单不存在', '<h1>订单不存在</h1>', '#999'));
    if (channel === null) return html(reply, 400, WRONG_APP);
    const fail = (msg: string): FastifyReply =>
      html(reply, 200, page('支付失败', `<h1>支付失败</h1><p class="msg">${esc(msg)}</p>`, ACCENT[channel]));
    const why = unpayable(sim, o);
    if (why !== null) return fail(why);
    const buyer = getBuyer(sim, form.buyer_id);
    if (buyer === undefined || buyer.channel !== channel) return fail('付款账户不属于当前应用');
    // A JSAPI order was made for one payer (its openid); nobody else may pay it.
    if (o.payer_openid !== null && o.payer_openid !== buyer.openid) return fail('该订单不属于当前付款账户');
    if (buyer.password !== form.password) return fail('支付密码错误');
    try {
      completePayment(sim, o, buyer.id, channel);
    } catch (e) {
      if (e instanceof SimError) return fail(e.message);
      throw e;
    }
    return html(
      reply,
      200,
      page(
        '支付成功',
        `<h1>支付成功</h1><div class="amount">${formatCny(o.amount_fen)}</div>`,
        ACCENT[channel],
      ),
    );
  });

  app.post('/cashier/pay/:token/cancel', async (req, reply) => {
    Token.parse(req.params);
    return html(reply, 200, page('已取消', '<h1>已取消支付</h1>', '#999'));
  });

  app.get('/cashier/wallet/:id', async (req, reply) => {
    const { id } = WalletParams.parse(req.params);
    const b = listBuyers(sim).find((x) => x.id === id);
    if (b === undefined) return html(reply, 404, page('买家不存在', '<h1>买家不存在</h1>', '#999'));
    const code = issueCode(sim, id);
    const qr = await QRCode.toDataURL(code, { margin: 1, width: 220 });
    const waiting = sim.db
      .prepare(`SELECT * FROM orders WHERE buyer_id = ? AND state = 'USERPAYING' ORDER BY created_at`)
      .all(id) as OrderRow[];
    const prompts = waiting
      .map(
        (
          o,
        ) => `<form class="card" method="post" action="/cashier/wallet/${esc(id)}/confirm/${esc(o.transaction_id)}">
<div class="msg">${esc(getMerchant(sim.db, o.sub_mchid)?.merchant_name ?? '')} ${formatCny(o.amount_fen)}</div>
<label>支付密码</label><input name="password" type="password" inputmode="numeric" maxlength="6">
<button class="pay" type="submit">确认支付</button>
<button class="cancel" type="submit" formaction="/cashier/wallet/${esc(id)}/cancel/${esc(o.transaction_id)}">取消</button></form>`,
      )
      .join('');
    return html(
      reply,
      200,
      page(
        APP_NAME[b.channel],
        `<h1>${esc(b.name)} · 余额 ${formatCny(b.balance_fen)}</h1>${prompts}
<div class="card"><img alt="付款码" src="${qr}"><div class="code">${esc(code)}</div><p class="msg">付款码每分钟刷新，向收银员出示</p></div>`,
        ACCENT[b.channel],
      ),
    );
  });

  app.post('/cashier/wallet/:id/confirm/:tx', async (req, reply) => {
    const { id, tx } = WalletTx.parse(req.params);
    const { password } = z.object({ password: z.string().max(32) }).parse(req.body);
    try {
      confirmUserpaying(sim, tx, id, password);
    } catch (e) {
      if (e instanceof SimError)
        return html(
          reply,
          200,
          page('支付失败', `<h1>支付失败</h1><p class="msg">${esc(e.message)}</p>`, '#999'),
        );
      throw e;
    }
    return html(reply, 200, page('支付成功', '<h1>支付成功</h1>'));
  });

  app.post('/cashier/wallet/:id/cancel/:tx', async (req, reply) => {
    const { id, tx } = WalletTx.parse(req.params);
    try {
      cancelUserpaying(sim, tx, id);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
    }
    return html(reply, 200, page('已取消', '<h1>已取消支付</h1>', '#999'));
  });
}
