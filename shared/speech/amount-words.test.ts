import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  amountCapitals,
  amountTokens,
  amountWords,
  DIGIT_TOKENS,
  parseAmountWords,
  UNIT_TOKENS,
  WORDS_AMOUNT_FEN_MAX,
} from './amount-words';

/** Every amount the issue asks about: 0.00 … 99,999,999.99 元. */
const ISSUE_AMOUNT_FEN_MAX = 9_999_999_999;
const amount = fc.integer({ min: 0, max: ISSUE_AMOUNT_FEN_MAX });
/** Amounts built from few non-zero digits hit the zero rules far more often than uniform ones. */
const sparseAmount = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 })), { maxLength: 4 })
  .map((parts) => parts.reduce((sum, [place, d]) => sum + d * 10 ** place, 0) % (ISSUE_AMOUNT_FEN_MAX + 1));
const anyAmount = fc.oneof(amount, sparseAmount);
const RUNS = { numRuns: 20_000, seed: 1717 };

describe('spoken amounts (market-money.md §7)', () => {
  test.each([
    [12850, '一百二十八点五元'],
    [200, '二元'],
    [210, '二点一元'],
    [1005, '十点零五元'],
    [50, '零点五元'],
    [5, '零点零五元'],
    [0, '零元'],
    [1000, '十元'],
    [1500, '十五元'],
    [11000, '一百一十元'],
    [100100, '一千零一元'],
    [101000, '一千零一十元'],
    [1000000, '一万元'],
    [1200000, '一万二千元'],
    [12000000, '十二万元'],
    [1000100, '一万零一元'],
    [1050000, '一万零五百元'],
    [10010000, '十万零一百元'],
    [100000000, '一百万元'],
    [9999999999, '九千九百九十九万九千九百九十九点九九元'],
    [10000000000, '一亿元'],
    [10000500000, '一亿零五千元'],
    [12000000000, '一亿二千万元'],
    [10001000000, '一亿零一万元'],
  ])('%d fen → %s', (fen, words) => {
    expect(amountWords(fen)).toBe(words);
    expect(parseAmountWords(words)).toBe(fen);
  });

  test('property: reading the words back gives the same fen, for every amount up to 99,999,999.99 元', () => {
    fc.assert(
      fc.property(anyAmount, (fen) => parseAmountWords(amountWords(fen)) === fen),
      RUNS,
    );
  });

  test('property: one 零 at most in a row, none before 点/元/万/亿 unless the yuan are zero', () => {
    fc.assert(
      fc.property(anyAmount, (fen) => {
        const w = amountWords(fen);
        expect(w).not.toContain('零零');
        expect(w).not.toMatch(/零[万亿]/);
        if (fen >= 100) expect(w).not.toMatch(/零[点元]/);
      }),
      RUNS,
    );
  });

  test('property: 10–19 at the front are 十X; decimals end on a non-zero digit; .00 is not read', () => {
    fc.assert(
      fc.property(anyAmount, (fen) => {
        const w = amountWords(fen);
        expect(w.startsWith('一十')).toBe(false);
        const decimals = w.split('点')[1];
        if (fen % 100 === 0) expect(decimals).toBeUndefined();
        else expect(decimals).toMatch(/^[零一二三四五六七八九]?[一二三四五六七八九]元$/);
      }),
      RUNS,
    );
  });

  test('property: the tokens are digits, units, 点 and 元 only (the clip names), and join to the words', () => {
    const allowed = new Set<string>([...DIGIT_TOKENS, ...UNIT_TOKENS, '点', '元']);
    fc.assert(
      fc.property(anyAmount, (fen) => {
        const tokens = amountTokens(fen);
        expect(tokens.every((t) => allowed.has(t))).toBe(true);
        expect(tokens.join('')).toBe(amountWords(fen));
        expect(tokens.at(-1)).toBe('元');
      }),
      RUNS,
    );
  });

  test('bad input is refused loudly', () => {
    expect(() => amountWords(-1)).toThrow(RangeError);
    expect(() => amountWords(WORDS_AMOUNT_FEN_MAX + 1)).toThrow(RangeError);
    expect(() => amountWords(1.5)).toThrow(TypeError);
    expect(parseAmountWords('一百')).toBeNull();
    expect(parseAmountWords('一百点五点元')).toBeNull();
    expect(parseAmountWords('壹佰元')).toBeNull();
  });
});

describe('written 大写 amounts for receipts', () => {
  test.each([
    [100100, '壹仟零壹元整'],
    [1205, '壹拾贰元零伍分'],
    [12850, '壹佰贰拾捌元伍角'],
    [12855, '壹佰贰拾捌元伍角伍分'],
    [50, '伍角'],
    [5, '伍分'],
    [0, '零元整'],
    [1000500000, '壹仟万伍仟元整'],
    [100000500, '壹佰万零伍元整'],
  ])('%d fen → %s', (fen, words) => expect(amountCapitals(fen)).toBe(words));

  test('property: never two 零 in a row, and 整 exactly when there are no 角分', () => {
    fc.assert(
      fc.property(anyAmount, (fen) => {
        const w = amountCapitals(fen);
        expect(w).not.toContain('零零');
        expect(w.endsWith('整')).toBe(fen % 100 === 0);
      }),
      RUNS,
    );
  });
});
