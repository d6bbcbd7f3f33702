import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from './base64url';
import { encodeClaims, joinToken, parsePayToken, ulidToBytes, bytesToUlid } from './token';

describe('pay token layout', () => {
  it('round-trips claims, and stays short enough for a small QR', () => {
    const claims = {
      terminal_id: 'T2LT9C',
      sale_id: '01JDQ7Z8X9ABCDEFGHJKMNPQRS',
      tender_no: 1,
      amount_fen: 123_456,
      expires_min: 29_000_000,
    };
    const token = joinToken(encodeClaims(claims), new Uint8Array(64).fill(7));
    const parsed = parsePayToken(token);
    expect(parsed).toMatchObject({ ok: true, claims });
    expect(token.length).toBeLessThanOrEqual(140);
  });

  it('base64url and ULID bytes round-trip for any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(fromBase64url(toBase64url(b))).toEqual(b);
      }),
      { seed: 3 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/), (id) => {
        expect(bytesToUlid(ulidToBytes(id)!)).toBe(id);
      }),
      { seed: 5 },
    );
  });

  it('refuses garbage without throwing', () => {
    for (const bad of [
      '',
      'x',
      '%%%',
      'A'.repeat(400),
      toBase64url(new Uint8Array([2, 1, 65])),
      toBase64url(new Uint8Array(99)),
    ])
      expect(parsePayToken(bad).ok).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof parsePayToken(s).ok).toBe('boolean');
      }),
      { seed: 9 },
    );
  });
});
