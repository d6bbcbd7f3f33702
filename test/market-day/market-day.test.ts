/**
 * The market day, small: 4 stalls, 300 sales, a fixed seed, the same code as `npm run soak:market-day`
 * (real simulator and server processes, a till core per stall, the faults, the close, T+1). Every
 * equality must hold to the fen.
 */
import { describe, expect, it } from 'vitest';
import { FULL_SIZE } from './env';
import { runMarketDay } from './run';

describe('a small market day', () => {
  it('4 stalls, 300 sales with faults: every figure agrees to the fen across tills, server, dashboard, ledger, bill and payouts', async () => {
    const r = await runMarketDay(
      { ...FULL_SIZE, stalls: 4, sales: 300, seed: 20_261_204, time_scale: 1_000 },
      () => {},
    );
    console.log([...r.table, ...r.failures, JSON.stringify(r.line)].join('\n'));
    expect(r.failures).toEqual([]);
    expect(r.line).toMatchObject({ stalls: 4, failed_checks: 0, unexplained_fen: 0 });
    expect(r.line.sales).toBeGreaterThan(250);
    expect(r.line.faults).toBeGreaterThan(5);
  }, 400_000);
});
