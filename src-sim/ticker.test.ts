import { describe, expect, it } from 'vitest';
import { createTicker } from './ticker';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('createTicker', () => {
  it('runs one chain of ticks however often it is woken mid-tick', async () => {
    let ticks = 0;
    let inFlight = 0;
    let most = 0;
    const t = createTicker(async () => {
      ticks++;
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(5);
      inFlight--;
    }, 100);
    t.start();
    await sleep(2);
    for (let i = 0; i < 50; i++) t.wake(); // all during the first tick
    await sleep(20);
    const afterWakes = ticks;
    expect(afterWakes).toBe(2); // the first tick, then once more at once
    await sleep(350);
    t.stop();
    // then one tick per 100 ms: a second chain per wake would have made dozens
    expect(ticks - afterWakes).toBeGreaterThanOrEqual(2);
    expect(ticks - afterWakes).toBeLessThanOrEqual(4);
    expect(most).toBe(1);
  });

  it('a wake between ticks runs the next tick now, and nothing runs before start or after stop', async () => {
    let ticks = 0;
    const t = createTicker(async () => void ticks++, 10_000);
    t.wake();
    await sleep(10);
    expect(ticks).toBe(0);
    t.start();
    await sleep(10);
    expect(ticks).toBe(1);
    t.wake();
    await sleep(10);
    expect(ticks).toBe(2);
    t.stop();
    t.wake();
    await sleep(10);
    expect(ticks).toBe(2);
  });
});
