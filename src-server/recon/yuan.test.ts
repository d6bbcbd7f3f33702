import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../shared/money';
import { yuanToFen } from './yuan';

describe('yuanToFen', () => {
  it('reads 元 with two or five decimals as integer fen', () => {
    expect(
      ['12.34', '0.01', '-0.05', '999999.99', '0.07000', '6.00000', '1', '1.5', '0.00', '-0.00'].map(
        yuanToFen,
      ),
    ).toEqual([1234, 1, -5, 99999999, 7, 600, 100, 150, 0, 0]);
  });
  it('rounds sub-fen digits half up, away from zero', () => {
    expect(['0.00499', '0.00500', '-0.00500', '1.23456'].map(yuanToFen)).toEqual([0, 1, -1, 123]);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,000.00', '1e3', ' 1.00', '1.', '.5', '12345678901234567.00', '0x10'])
      expect(() => yuanToFen(bad)).toThrow(RangeError);
  });
  it('round-trips every safe fen amount the bill can print (seeded property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => yuanToFen(formatYuan(fen)) === fen),
      { seed: 1010, verbose: true },
    );
  });
});
