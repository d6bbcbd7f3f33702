/**
 * The receipt QR's landing page, `GET /p/:token` (DESIGN.md "Payments"). The
 * buyer's phone brings a token the terminal signed, maybe while offline; the
 * server checks it with that terminal's public key, then creates (or finds)
 * the one institution order for the sale's tender and sends the phone on to
 * the institution's page for the app it scanned with. Registered straight on
 * Fastify because it answers HTML and redirects, not the JSON API.
 */
import { verify } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatCny } from '../../shared/money';
import { parsePayToken, signingInput, type PayClaims, type PayPurpose } from '../../shared/pay/token';
import type { ServerDb } from '../db/database';
import { terminalPublicKey } from '../terminals/terminal-key';
import { notifyUrl, routeFor, type PaymentsContext } from './context';
import type { ServerServices } from '../services';
import { businessDayOf, getOrder, outTradeNo } from './orders';
import { pdb } from './schema';

export type WalletApp = 'wechat' | 'alipay' | 'unionpay';

export function appFromUserAgent(ua: string | undefined): WalletApp | null {
  if (!ua) return null;
  if (ua.includes('MicroMessenger')) return 'wechat';
  if (ua.includes('AlipayClient')) return 'alipay';
  if (ua.includes('UnionPay')) return 'unionpay';
  return null;
}

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem 1.2rem;text-align:center}h1{font-size:1.4rem}.amount{font-size:2rem;font-variant-numeric:tabular-nums}p{color:#555}</style></head><body>${body}</body></html>`;
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

export type TokenCheck =
  | { ok: true; claims: PayClaims; stall_id: string }
  | { ok: false; status: number; title: string; message: string };

/** Layout, signature with the terminal's key (under the purpose's tag: a QR token is no gateway token), terminal still active, not expired. */
export async function checkToken(
  db: ServerDb,
  token: string,
  nowMs: number,
  purpose: PayPurpose = 'qr',
): Promise<TokenCheck> {
  const bad = (message: string): TokenCheck => ({ ok: false, status: 400, title: '二维码无效', message });
  const p = parsePayToken(token);
  if (!p.ok) return bad(p.reason);
  const t = await pdb(db)
    .selectFrom('terminal')
    .select(['stall_id', 'status', 'public_key_pem'])
    .where('id', '=', p.claims.terminal_id)
    .executeTakeFirst();
  if (!t || !t.public_key_pem || t.status !== 'active') return bad('unknown terminal');
  let good = false;
  try {
    good = verify(null, signingInput(p.signed, purpose), terminalPublicKey(t.public_key_pem), p.signature);
  } catch {
    good = false;
  }
  if (!good) return bad('signature does not verify');
  if (p.claims.expires_min * 60_000 < nowMs)
    return { ok: false, status: 410, title: '二维码已过期', message: 'expired' };
  return { ok: true, claims: p.claims, stall_id: t.stall_id };
}

export type OrderForToken =
  | { kind: 'redirect'; url: string }
  | { kind: 'paid' }
  | { kind: 'ended'; state: string }
  | { kind: 'error'; message: string };

/**
 * Exactly one institution order per sale tender: the number is derived from it and the request is identical
 * every time. A gateway token makes a B2B gateway order (gateway-page.ts) instead of a wallet one.
 */
export async function orderForToken(
  db: ServerDb,
  ctx: PaymentsContext,
  c: PayClaims,
  stallId: string,
  nowMs: number,
  purpose: PayPurpose = 'qr',
): Promise<OrderForToken> {
  const kind = purpose === 'gateway' ? 'gateway' : 'qr';
  const outNo = outTradeNo(kind, c.sale_id, c.tender_no);
  const p = pdb(db);
  let o = await getOrder(p, outNo);
  if (!o) {
    const route = await routeFor(db, ctx, stallId);
    await p
      .insertInto('payment_order')
      .values({
        out_trade_no: outNo,
        institution: route.institution.id,
        sub_mchid: route.sub_mchid,
        stall_id: stallId,
        terminal_id: c.terminal_id,
        sale_id: c.sale_id,
        tender_no: c.tender_no,
        kind,
        amount_fen: c.amount_fen,
        state: 'created',
        transaction_id: null,
        channel: null,
        business_day: await businessDayOf(db, stallId, nowMs),
        pay_url: null,
        created_ms: nowMs,
        updated_ms: nowMs,
        paid_ms: null,
        deadline_ms: c.expires_min * 60_000,
        next_check_ms: null,
        lease_until_ms: null,
        market_fee_fen: null,
        channel_fee_fen: null,
        last_error: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    o = await getOrder(p, outNo);
    if (!o) return { kind: 'error', message: 'order lost' };
  }
  if (o.state === 'succeeded') return { kind: 'paid' };
  if (o.state !== 'created' && o.state !== 'paying') return { kind: 'ended', state: o.state };
  if (o.pay_url) return { kind: 'redirect', url: o.pay_url };
  const inst = ctx.institutions.get(o.institution);
  if (!inst) return { kind: 'error', message: `institution ${o.institution} is not configured` };
  const req = {
    sub_mchid: o.sub_mchid,
    out_trade_no: outNo,
    description: `市场货款 ${c.sale_id.slice(-8)}`,
    amount_fen: o.amount_fen,
    notify_url: notifyUrl(ctx, inst.id),
    expires_ms: c.expires_min * 60_000,
  };
  const r = kind === 'gateway' ? await inst.gatewayPrepay(req) : await inst.prepay(req);
  if (r.kind !== 'ok') return { kind: 'error', message: r.message };
  await p
    .updateTable('payment_order')
    .set({
      pay_url: r.value.pay_url,
      state: 'paying',
      updated_ms: nowMs,
      next_check_ms: nowMs + ctx.recover_after_ms,
    })
    .where('out_trade_no', '=', outNo)
    .where('state', '=', 'created')
    .execute();
  return { kind: 'redirect', url: r.value.pay_url };
}

export function registerPayPage(
  app: FastifyInstance,
  db: ServerDb,
  services: ServerServices,
  now: () => number,
): void {
  app.get<{ Params: { token: string } }>('/p/:token', async (req, reply) => {
    const nowMs = now();
    const check = await checkToken(db, req.params.token, nowMs);
    if (!check.ok) {
      req.log.info({ reason: check.message }, 'pay token refused');
      return page(
        reply,
        check.status,
        check.title,
        `<h1>${esc(check.title)}</h1><p>请向摊主索取新的收款码</p>`,
      );
    }
    const app = appFromUserAgent(req.headers['user-agent']);
    if (app === null)
      return page(
        reply,
        200,
        '请用支付应用扫码',
        `<h1>请在微信/支付宝/银联应用内扫码进入</h1><div class="amount">${formatCny(check.claims.amount_fen)}</div><p>支持：微信、支付宝、云闪付</p>`,
      );
    const ctx = services.payments;
    if (!ctx) return page(reply, 503, '暂不能收款', '<h1>暂不能收款</h1><p>市场收款通道未配置</p>');
    const r = await orderForToken(db, ctx, check.claims, check.stall_id, nowMs);
    return answerOrder(req, reply, r, check.claims.amount_fen, {
      ask: '请向摊主索取新的收款码',
      retry: '请稍后再扫',
    });
  });
}

/** The buyer's page for the order a token leads to: on to the institution, or why not. */
export function answerOrder(
  req: FastifyRequest,
  reply: FastifyReply,
  r: OrderForToken,
  amountFen: number,
  words: { ask: string; retry: string },
): FastifyReply {
  switch (r.kind) {
    case 'redirect':
      return reply.redirect(r.url, 302);
    case 'paid':
      return page(
        reply,
        200,
        '已支付',
        `<h1>该笔已支付</h1><div class="amount">${formatCny(amountFen)}</div>`,
      );
    case 'ended':
      return page(reply, 410, '订单已关闭', `<h1>订单已关闭</h1><p>${esc(words.ask)}</p>`);
    case 'error':
      req.log.warn({ err: r.message }, 'could not create the order');
      return page(reply, 503, '暂不能收款', `<h1>暂不能收款，${esc(words.retry)}</h1>`);
  }
}
