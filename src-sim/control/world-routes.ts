import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { issueCode, listBuyers } from '../buyers/store';
import { json, noContent } from '../http/reply';
import { SimError } from '../protocol/errors';
import { registerMerchantKey } from '../protocol/merchant-keys';

const KeyBody = z.object({
  mchid: z.string().min(1).max(64),
  serial_no: z.string().min(1).max(64),
  public_key_pem: z.string().min(1).max(8192),
});

export function registerWorldRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/sim/buyers', async (_req, reply) =>
    json(reply, 200, {
      buyers: listBuyers(sim).map((b) => ({
        id: b.id,
        channel: b.channel,
        name: b.name,
        openid: b.openid,
        balance_fen: b.balance_fen,
      })),
    }),
  );

  app.post('/sim/buyers/:id/code', async (req, reply) => {
    const { id } = z.object({ id: z.string().min(1).max(64) }).parse(req.params);
    return json(reply, 200, { auth_code: issueCode(sim, id) });
  });

  app.post('/v3/sim/portal/merchant-keys', async (req, reply) => {
    if (req.headers['x-sim-portal-token'] !== sim.id.portalToken)
      throw new SimError('NO_AUTH', '商户平台登录凭证无效');
    const b = KeyBody.parse(req.body);
    registerMerchantKey(sim.db, b.mchid, b.serial_no, b.public_key_pem, sim.clock.now());
    return noContent(reply);
  });
}
