// A server with a connected till closes at once: the till's close aborts its event stream (and leaves no
// request in flight), and the connection Node's fetch opens again after that abort does not hold the
// server's close (before, it waited for Node's 60 s headers timeout: every pay-stack test hung in afterAll).
import { expect, it } from 'vitest';
import { startPayStack, until } from '../payments/stack';

it('the till closes, then the server closes within a second', async () => {
  const s = await startPayStack();
  try {
    await until(() => s.core.stream.state().state === 'open', 10_000, 'the till to open its event stream');
    await s.core.close();
    expect(s.core.stream.state()).toEqual({ state: 'stopped' });
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(() => reject(new Error('server.close() still waiting after 5 s')), 5_000)),
    );
    await Promise.race([s.server.close(), hung]).finally(() => clearTimeout(timer));
    expect(Date.now() - t0).toBeLessThan(1_000);
  } finally {
    await s.sim.close();
    s.serverDb().close();
  }
}, 30_000);
