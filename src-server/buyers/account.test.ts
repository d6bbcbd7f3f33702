import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { owedSince, statementOf, type AccountMove } from './account';

const move = (day: string, fen: number): AccountMove => ({
  business_day: day,
  created_ms: 0,
  txn_type: fen > 0 ? 'sale_credit' : 'repayment',
  ref: null,
  amount_fen: fen,
});

describe('a buyer account', () => {
  it('is owed since the oldest sale not yet paid off, repayments settling the oldest first', () => {
    expect(owedSince([])).toBeNull();
    expect(owedSince([move('20261201', 500), move('20261202', 300)])).toBe('20261201');
    expect(owedSince([move('20261201', 500), move('20261202', 300), move('20261203', -500)])).toBe(
      '20261202',
    );
    expect(owedSince([move('20261201', 500), move('20261202', -600), move('20261203', 300)])).toBe(
      '20261203',
    );
    expect(owedSince([move('20261201', 500), move('20261202', -500)])).toBeNull();
  });

  it('statement: opening + charged − repaid = closing = the sum up to its last day, for any moves and range (seed 16)', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `202612${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            day,
            fc.integer({ min: -100_000, max: 100_000 }).filter((n) => n !== 0),
          ),
        ),
        day,
        day,
        (raw, a, b) => {
          const moves = raw
            .map(([d, f]) => move(d, f))
            .sort((x, y) => x.business_day.localeCompare(y.business_day));
          const [from, to] = a <= b ? [a, b] : [b, a];
          const s = statementOf(moves, from, to);
          expect(s.opening_fen + s.charged_fen - s.repaid_fen).toBe(s.closing_fen);
          expect(s.closing_fen).toBe(
            moves.filter((m) => m.business_day <= to).reduce((t, m) => t + m.amount_fen, 0),
          );
          expect(s.opening_fen).toBe(
            moves.filter((m) => m.business_day < from).reduce((t, m) => t + m.amount_fen, 0),
          );
          expect(s.lines.at(-1)?.balance_fen ?? s.opening_fen).toBe(s.closing_fen);
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });
});
