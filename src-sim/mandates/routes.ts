import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { formatCny } from '../../shared/money';
import { esc, page } from '../cashier/html';
import { rfc3339 } from '../clock';
import { json } from '../http/reply';
import { signer } from '../http/server';
import { getMerchant } from '../merchants/store';
import { SimError } from '../protocol/errors';
import {
  DeductBody,
  MandateBody,
  createMandate,
  deductionView,
  getMandate,
  mandateByToken,
  mandateView,
  requestDeduction,
  setMandateState,
  type DeductionRow,
  type MandateRow,
} from './service';

const M = '/v3/sim/mandates';
const Id = z.object({ id: z.string().min(1).max(64) });
const Token = z.object({ token: z.string().regex(/^[0-9a-z]{8,64}$/) });
const PERIOD = { DAY: '每日', WEEK: '每周', MONTH: '每月' } as const;

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function mandateOf(sim: Sim, id: string): MandateRow {
  const m = getMandate(sim, id);
  if (m === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '代扣授权不存在');
  return m;
}

export function registerMandateRoutes(app: FastifyInstance, sim: Sim): void {
  app.post(M, async (req, reply) =>
    json(reply, 200, mandateView(sim, createMandate(sim, signer(req), MandateBody.parse(req.body)))),
  );
  app.get(`${M}/:id`, async (req, reply) => {
    signer(req);
    return json(reply, 200, mandateView(sim, mandateOf(sim, Id.parse(req.params).id)));
  });
  app.post(`${M}/:id/terminate`, async (req, reply) => {
    signer(req);
    return json(
      reply,
      200,
      mandateView(sim, setMandateState(sim, mandateOf(sim, Id.parse(req.params).id), 'TERMINATED')),
    );
  });
  app.post(`${M}/:id/deduct`, async (req, reply) =>
    json(
      reply,
      200,
      deductionView(
        requestDeduction(
          sim,
          signer(req),
          mandateOf(sim, Id.parse(req.params).id),
          DeductBody.parse(req.body),
        ),
      ),
    ),
  );
  app.get(`${M}/:id/deductions/:no`, async (req, reply) => {
    signer(req);
    const { id, no } = z.object({ id: z.string().max(64), no: z.string().max(32) }).parse(req.params);
    const d = sim.db
      .prepare('SELECT * FROM deductions WHERE mandate_id = ? AND out_deduct_no = ?')
      .get(id, no) as DeductionRow | undefined;
    if (d === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '扣款单不存在');
    return json(reply, 200, deductionView(d));
  });

  // The stall owner's signing page: everything 248号 requires the authorisation to name.
  app.get('/mandate/:token', async (req, reply) => {
    const m = mandateByToken(sim, Token.parse(req.params).token);
    if (m === undefined) return html(reply, 404, page('授权不存在', '<h1>授权不存在</h1>', '#999'));
    const stall = getMerchant(sim.db, m.sub_mchid);
    const card =
      stall === undefined
        ? ''
        : `${stall.account_bank} ****${stall.account_number.slice(-4)}（${stall.account_name}）`;
    const body = `<h1>代扣授权</h1><div class="card">
<p>收款方：市场管理方（${esc(sim.id.spMchid)}）</p><p>用途：${esc(m.purpose)}</p><p>扣款账户：${esc(card)}</p>
<p>周期：${PERIOD[m.period]}最多 ${m.max_per_period} 次，每次不超过 ${formatCny(m.max_amount_fen)}</p><p>有效期至：${esc(rfc3339(m.expires_at).slice(0, 10))}</p></div>
${
  m.state === 'SIGNING'
    ? `<form method="post" action="/mandate/${esc(m.sign_token)}/sign"><button class="pay" type="submit">同意授权</button></form>
<form method="post" action="/mandate/${esc(m.sign_token)}/refuse"><button class="cancel" type="submit">拒绝</button></form>`
    : `<p class="msg">状态：${esc(m.state)}</p>`
}`;
    return html(reply, 200, page('代扣授权', body, '#8b1a1a'));
  });
  for (const [action, to] of [
    ['sign', 'ACTIVE'],
    ['refuse', 'TERMINATED'],
  ] as const) {
    app.post(`/mandate/:token/${action}`, async (req, reply) => {
      const m = mandateByToken(sim, Token.parse(req.params).token);
      if (m === undefined) return html(reply, 404, page('授权不存在', '<h1>授权不存在</h1>', '#999'));
      try {
        setMandateState(sim, m, to);
      } catch (e) {
        if (e instanceof SimError)
          return html(reply, 200, page('授权失败', `<h1>${esc(e.message)}</h1>`, '#999'));
        throw e;
      }
      return html(
        reply,
        200,
        page('代扣授权', `<h1>${to === 'ACTIVE' ? '授权成功' : '已拒绝授权'}</h1>`, '#8b1a1a'),
      );
    });
  }
}
