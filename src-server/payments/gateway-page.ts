/**
 * The large-amount link, `GET /g/:token` (issue 7 "Large amounts"). Above the
 * code limits (shared/pay/qr-limits.ts) the till prints a link signed for the
 * gateway instead of a wallet QR. The buyer's accountant opens it in any
 * browser (a bank page: no User-Agent routing); the server checks the token
 * under the gateway tag, creates (or finds) the one B2B gateway order for the
 * sale's tender (`G<sale><tender>`) at the institution, and sends the browser
 * to the institution's 企业网银 page. The institution's notification comes
 * through the same verified path as every payment (notify-route.ts), and the
 * split, ledger and the till's payment update follow as for a QR order.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerDb } from '../db/database';
import type { ServerServices } from '../services';
import { answerOrder, checkToken, esc, orderForToken, page } from './pay-page';

export function registerGatewayPage(
  app: FastifyInstance,
  db: ServerDb,
  services: ServerServices,
  now: () => number,
): void {
  app.get<{ Params: { token: string } }>('/g/:token', async (req, reply) => {
    const nowMs = now();
    const check = await checkToken(db, req.params.token, nowMs, 'gateway');
    if (!check.ok) {
      req.log.info({ reason: check.message }, 'gateway token refused');
      const title = check.status === 410 ? '付款链接已过期' : '付款链接无效';
      return page(reply, check.status, title, `<h1>${esc(title)}</h1><p>请向摊主索取新的付款链接</p>`);
    }
    const ctx = services.payments;
    if (!ctx) return page(reply, 503, '暂不能收款', '<h1>暂不能收款</h1><p>市场收款通道未配置</p>');
    const r = await orderForToken(db, ctx, check.claims, check.stall_id, nowMs, 'gateway');
    return answerOrder(req, reply, r, check.claims.amount_fen, {
      ask: '请向摊主索取新的付款链接',
      retry: '请稍后再试',
    });
  });
}
