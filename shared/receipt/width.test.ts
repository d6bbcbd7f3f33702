import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { centerToWidth, displayWidth, justify, sanitizeText, wrapToWidth } from './width';

describe('width', () => {
  test('ASCII is 1 column, CJK, full-width ￥ and × are 2', () => {
    expect(displayWidth('abc 12.50')).toBe(9);
    expect(displayWidth('合计')).toBe(4);
    expect(displayWidth('\uFFE5')).toBe(2);
    expect(displayWidth('×')).toBe(2);
    expect(displayWidth('𠮷')).toBe(2); // outside the BMP: one character, not two
  });

  test('sanitize turns control characters (ESC/POS injection) into spaces', () => {
    expect(sanitizeText('白菜\x1b@\x1dV\x00\n\x85')).toBe('白菜 @ V   ');
    expect(sanitizeText('a\ud800b')).toBe('a?b');
    expect(sanitizeText('\u00a512')).toBe('\uFFE512');
  });

  test('wrap never splits a CJK character and respects the width', () => {
    expect(wrapToWidth('一二三四五', 5)).toEqual(['一二', '三四', '五']);
    expect(wrapToWidth('', 8)).toEqual(['']);
  });

  test('justify puts the value at the right edge, or on its own line when it cannot fit', () => {
    expect(justify('合计', '￥1.00', 12)).toEqual(['合计  ￥1.00']);
    const lines = justify('很长很长的名字', '￥123.00', 16);
    expect(lines.every((l) => displayWidth(l) === 16)).toBe(true);
    expect(lines.at(-1)?.endsWith('￥123.00')).toBe(true);
  });

  test('property: wrap/justify/center lines are exactly as wide as asked (seeded)', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('白', '菜', '￥', '𠮷', ' ', 'a', '9', '×'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 2, max: 48 }), (l, r, w) => {
        const left = sanitizeText(l);
        const right = sanitizeText(r);
        for (const line of wrapToWidth(left, w)) expect(displayWidth(line)).toBeLessThanOrEqual(w);
        for (const line of justify(left, right, w)) expect(displayWidth(line)).toBe(w);
        const first = wrapToWidth(left, w)[0] ?? '';
        expect(displayWidth(centerToWidth(first, w))).toBe(w);
      }),
      { seed: 20250601, numRuns: 500 },
    );
  });
});
