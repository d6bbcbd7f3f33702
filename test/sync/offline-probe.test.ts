// The link comes back through the offline probe alone (new sales do not push while a retry is scheduled),
// so the probe must wait as long as a push would: a server that is back but slow to answer (a loaded box,
// a restart warming up) is not offline, and a till that thinks it is refuses payment codes.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { startCore, type Core } from '../../src-main/core';
import { dispatch } from '../../src-main/rpc/registry';
import { openTill, pieces } from '../helpers/till';

const SLOW_ANSWER_MS = 2_500;
let core: Core | undefined;
let slow: Server | undefined;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

afterAll(async () => {
  await core?.close();
  await new Promise<void>((resolve) => (slow ? slow.close(() => resolve()) : resolve()));
});

it('a server back but slow to answer brings the link back from offline', async () => {
  const port = await freePort();
  const till = openTill();
  till.close();
  core = await startCore({
    dataDir: till.dir,
    serverUrl: `http://127.0.0.1:${port}`,
    // No scheduled retry in the test's time: only the probe can notice the server again.
    sync: { retryDelayMsMin: 600_000, retryDelayMsMax: 600_000, probeDelayMs: 100 },
  });
  expect(await dispatch(core.handlers, 'cashier-signin', { pin: '1234' })).toMatchObject({ ok: true });
  const sale = {
    lines: [pieces('P-GAR', 2)],
    sale_discount_fen: 0,
    tenders: [{ kind: 'cash', tendered_fen: 10_000 }],
  };
  expect(await dispatch(core.handlers, 'sale-complete', sale)).toMatchObject({ ok: true });
  await core.sync.runOnce();
  expect(core.sync.status().link.state).toBe('offline');

  // The server comes back on the same address, answering everything after 2.5 s.
  slow = createHttpServer((req, res) => {
    setTimeout(() => {
      const health = req.url === '/healthz';
      res.writeHead(health ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(health ? { ok: true } : { code: 'unavailable', message: 'warming up' }));
    }, SLOW_ANSWER_MS);
  });
  await new Promise<void>((resolve) => slow!.listen(port, '127.0.0.1', resolve));

  const until = Date.now() + 4 * SLOW_ANSWER_MS;
  while (core.sync.status().link.state === 'offline' && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(core.sync.status().link.state).not.toBe('offline');
}, 30_000);
