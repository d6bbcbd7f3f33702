import { describe, expect, it } from 'vitest';
import { createTicker, type Timers } from './ticker';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const timers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

describe('createTicker', () => {
  it('runs one chain of ticks however often it is woken mid-tick', async () => {
    let ticks = 0;
    let inFlight = 0;
    let most = 0;
    const t = createTicker(
      async () => {
        ticks++;
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(5);
        inFlight--;
      },
      100,
      timers,
    );
    t.start();
    await sleep(2);
    for (let i = 0; i < 50; i++) t.wake(); // all during the first tick
    await sleep(20);
    const afterWakes = ticks;
    expect(afterWakes).toBe(2); // the first tick, then once more at once
    await sleep(350);
    await t.stop();
    // then one tick per 100 ms: a second chain per wake would have made dozens
    expect(ticks - afterWakes).toBeGreaterThanOrEqual(2);
    expect(ticks - afterWakes).toBeLessThanOrEqual(4);
    expect(most).toBe(1);
  });

  it('a wake between ticks runs the next tick now, and nothing runs before start or after stop', async () => {
    let ticks = 0;
    const t = createTicker(async () => void ticks++, 10_000, timers);
    t.wake();
    await sleep(10);
    expect(ticks).toBe(0);
    t.start();
    await sleep(10);
    expect(ticks).toBe(1);
    t.wake();
    await sleep(10);
    expect(ticks).toBe(2);
    await t.stop();
    t.wake();
    await sleep(10);
    expect(ticks).toBe(2);
  });

  it('goes round at once while the tick says there is more, and a failed tick waits its turn', async () => {
    let ticks = 0;
    const t = createTicker(
      async () => {
        ticks++;
        if (ticks === 4) throw new Error('boom');
        return ticks < 3;
      },
      10_000,
      timers,
    );
    t.start();
    await sleep(30);
    expect(ticks).toBe(3); // two "more", then the interval
    t.wake();
    await sleep(10);
    expect(ticks).toBe(4); // the failing tick
    await sleep(30);
    expect(ticks).toBe(4);
    await t.stop();
  });
});
