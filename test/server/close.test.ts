// Closing the server never waits on a client: a connection that never sent a request (what Node 20's fetch
// leaves behind when a till aborts its event stream) ends at once, and a request still in flight is cut
// after the grace. Without this, app.close() waited for Node's 60 s headers timeout.
import { connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { CLOSE_GRACE_MS } from '../../src-server/http/close';
import { startTestServer, type TestServer } from './helpers/server';

let s: TestServer | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const c of sockets.splice(0)) c.destroy();
  await s?.fresh.drop();
  s = null;
});

async function listening(): Promise<{ port: number; server: TestServer }> {
  s = await startTestServer('sqlite');
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = s.app.server.address();
  return { port: typeof addr === 'object' && addr ? addr.port : 0, server: s };
}

async function open(port: number, send?: string): Promise<Socket> {
  const c = connect({ host: '127.0.0.1', port });
  sockets.push(c);
  c.on('error', () => undefined);
  await new Promise((res) => c.once('connect', res));
  if (send !== undefined) c.write(send);
  return c;
}

/** How long app.close() took; a close still waiting after 5 s fails here rather than at the test's timeout. */
async function closeMs(server: TestServer): Promise<number> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error('app.close() still waiting after 5 s')), 5_000)),
  );
  await Promise.race([server.app.close(), hung]).finally(() => clearTimeout(timer));
  return Date.now() - t0;
}

it('a connection that never sent a request does not hold the close', async () => {
  const { port, server } = await listening();
  await open(port);
  // a finished keep-alive request too (Node closes those itself)
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  await res.text();
  await new Promise((res) => setTimeout(res, 50));
  expect(await closeMs(server)).toBeLessThan(500);
});

it('a request still in flight is cut after the grace', async () => {
  const { port, server } = await listening();
  // headers of a push whose body never arrives: the request has started and waits for the rest
  const c = await open(
    port,
    'POST /api/v1/terminal/journal HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a"',
  );
  const cut = new Promise((res) => c.once('close', res));
  await new Promise((res) => setTimeout(res, 100));
  const ms = await closeMs(server);
  expect(ms).toBeGreaterThanOrEqual(CLOSE_GRACE_MS - 100);
  expect(ms).toBeLessThan(CLOSE_GRACE_MS + 1_000);
  await cut; // the client sees its connection end
});
