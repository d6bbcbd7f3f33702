import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ulidFactory } from './ulid';

describe('ulidFactory', () => {
  it('encodes time in the first 10 characters and the random bytes in the last 16, sorting by time', () => {
    let n = 0;
    const ulid = ulidFactory((buf) => {
      for (let i = 0; i < buf.length; i++) buf[i] = (n + i) & 255;
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        (a, b) => {
          const ia = ulid(a);
          const ib = ulid(b);
          expect(ia).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
          if (a < b) expect(ia.slice(0, 10) < ib.slice(0, 10)).toBe(true);
          n++;
        },
      ),
      { seed: 7 },
    );
  });

  it('matches the ULID spec example for time, and uses 80 random bits', () => {
    const zeros = ulidFactory((buf) => buf.fill(0));
    expect(zeros(1469918176385)).toBe('01ARYZ6S41' + '0'.repeat(16));
    const ones = ulidFactory((buf) => buf.fill(255));
    expect(ones(0)).toBe('0'.repeat(10) + 'Z'.repeat(16));
    expect(() => zeros(2 ** 48)).toThrow(RangeError);
    expect(() => zeros(-1)).toThrow(RangeError);
  });
});
