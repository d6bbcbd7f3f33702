import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { createBuyer, topUp } from '../buyers/store';
import { json, noContent } from '../http/reply';
import { checkLedger } from '../ledger/ledger';
import { createActiveMerchant } from '../merchants/applyment';
import { confirmUserpaying } from '../orders/codepay';
import { setMarketCard } from '../settlement/settle';
import { FAULT_KINDS, type FaultKind } from './faults';

/** Faults per request and the longest injected delay: test control has limits too. */
const MAX_FAULT_COUNT = 1000;
const MAX_DELAY_MS = 60_000;

const FaultBody = z.object({
  kind: z.enum(FAULT_KINDS as [FaultKind, ...FaultKind[]]),
  count: z.number().int().min(1).max(MAX_FAULT_COUNT).default(1),
  path_prefix: z.string().max(200).optional(),
  method: z.enum(['GET', 'POST']).optional(),
  delay_ms: z.number().int().min(0).max(MAX_DELAY_MS).optional(),
  reason: z.string().max(64).optional(),
  delta_fen: z.number().int().min(-1_000_000).max(1_000_000).optional(),
});
const MerchantBody = z.object({
  merchant_name: z.string().min(1).max(64),
  account_name: z.string().min(1).max(64),
  account_number: z.string().min(12).max(30),
  account_bank: z.string().max(64).optional(),
  max_ratio_bp: z.number().int().min(0).max(10_000).optional(),
  fee_rate_bp: z.number().int().min(0).max(1_000).optional(),
});
const BuyerBody = z.object({
  channel: z.enum(['WECHAT', 'ALIPAY', 'UNIONPAY']),
  name: z.string().max(64).optional(),
  balance_fen: z.number().int().min(0).max(1e12).optional(),
  password: z.string().min(1).max(32).optional(),
  code_level: z.enum(['A', 'B', 'C']).optional(),
});
const Id = z.object({ id: z.string().min(1).max(64) });

/** Only registered when the process was started with test control. */
export function registerControlRoutes(app: FastifyInstance, sim: Sim, runNow: () => Promise<void>): void {
  const C = '/sim/control';
  // Test control moves the business clock: every answer's HTTP Date tells the client what time it is here,
  // so a client waiting out a business rule (the 30 s split wait) can follow a clock moved forward.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('date', new Date(sim.clock.now()).toUTCString());
    return payload;
  });
  app.get(`${C}/clock`, async (_req, reply) =>
    json(reply, 200, { now_ms: sim.clock.now(), offset_ms: sim.clock.offsetMs() }),
  );
  app.post(`${C}/clock/advance`, async (req, reply) => {
    const { ms } = z
      .object({
        ms: z
          .number()
          .int()
          .min(0)
          .max(400 * 86_400_000),
      })
      .parse(req.body);
    sim.clock.advance(ms);
    await runNow();
    return json(reply, 200, { now_ms: sim.clock.now(), offset_ms: sim.clock.offsetMs() });
  });
  app.post(`${C}/run`, async (_req, reply) => {
    await runNow();
    return noContent(reply);
  });

  app.get(`${C}/faults`, async (_req, reply) => json(reply, 200, { faults: sim.faults.list() }));
  app.post(`${C}/faults`, async (req, reply) => {
    const b = FaultBody.parse(req.body);
    sim.faults.add({
      kind: b.kind,
      remaining: b.count,
      path_prefix: b.path_prefix,
      method: b.method,
      delay_ms: b.delay_ms,
      reason: b.reason,
      delta_fen: b.delta_fen,
    });
    return noContent(reply);
  });
  app.delete(`${C}/faults`, async (_req, reply) => {
    sim.faults.clear();
    return noContent(reply);
  });

  app.post(`${C}/merchants`, async (req, reply) => {
    const m = createActiveMerchant(sim, MerchantBody.parse(req.body));
    return json(reply, 200, { sub_mchid: m.sub_mchid, applyment_id: m.applyment_id });
  });
  app.post(`${C}/merchants/:id/state`, async (req, reply) => {
    const { id } = Id.parse(req.params);
    const { state } = z.object({ state: z.enum(['ACTIVE', 'FROZEN']) }).parse(req.body);
    // Risk control freezes a merchant: no trading, no settlement, no withdrawal until thawed.
    sim.db
      .prepare(`UPDATE merchants SET state = ? WHERE sub_mchid = ? AND state IN ('ACTIVE', 'FROZEN')`)
      .run(state, id);
    return noContent(reply);
  });
  app.post(`${C}/buyers`, async (req, reply) => {
    const b = createBuyer(sim, BuyerBody.parse(req.body));
    return json(reply, 200, { id: b.id, openid: b.openid, channel: b.channel });
  });
  app.post(`${C}/buyers/:id/topup`, async (req, reply) => {
    const { id } = Id.parse(req.params);
    topUp(sim, id, z.object({ amount_fen: z.number().int().min(1).max(1e12) }).parse(req.body).amount_fen);
    return noContent(reply);
  });
  app.post(`${C}/buyers/:id/password`, async (req, reply) => {
    const { id } = Id.parse(req.params);
    const b = z.object({ transaction_id: z.string().max(40), password: z.string().max(32) }).parse(req.body);
    confirmUserpaying(sim, b.transaction_id, id, b.password);
    return noContent(reply);
  });

  app.get(`${C}/payouts`, async (_req, reply) =>
    json(reply, 200, { payouts: sim.db.prepare('SELECT * FROM payouts ORDER BY at, id').all() }),
  );
  app.post(`${C}/market-card`, async (req, reply) => {
    setMarketCard(
      sim,
      z
        .object({
          account_name: z.string().min(1).max(64),
          account_bank: z.string().min(1).max(64),
          account_number: z.string().min(12).max(30),
        })
        .parse(req.body),
    );
    return noContent(reply);
  });
  app.get(`${C}/ledger`, async (_req, reply) => json(reply, 200, checkLedger(sim.db)));
  app.get(`${C}/notifications`, async (_req, reply) =>
    json(reply, 200, {
      notifications: sim.db
        .prepare(
          'SELECT id, url, event_type, state, attempts, last_status, next_at FROM notifications ORDER BY created_at',
        )
        .all(),
    }),
  );
}
