import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_CAPS_FEN, codeCapFen, codeLimitDecision, type CodeWay } from './qr-limits';
import type { PaymentProvider } from '../scan/classify';

const ways: CodeWay[] = ['qr', 'payment_code'];
const providers = Object.keys(CODE_CAPS_FEN) as PaymentProvider[];

describe('QR / payment-code limits', () => {
  it('caps are positive integer fen, and level B is 5,000 元 on every channel', () => {
    for (const p of providers)
      for (const w of ways) {
        expect(Number.isSafeInteger(codeCapFen(w, p))).toBe(true);
        expect(codeCapFen(w, p)).toBe(500_000);
      }
    expect(codeCapFen('qr')).toBe(500_000);
  });

  it('allows exactly up to the cap and sends one fen more to the gateway, with the reason', () => {
    expect(codeLimitDecision(500_000, 'qr')).toEqual({ allowed: true, cap_fen: 500_000 });
    const over = codeLimitDecision(500_001, 'qr');
    expect(over).toMatchObject({ allowed: false, use: 'gateway', cap_fen: 500_000 });
    if (over.allowed) throw new Error('unreachable');
    expect(over.reason_zh).toContain('限额5000.00元');
    expect(over.reason_zh).toContain('企业网银');
    expect(over.reason_en).toContain('5000.01 yuan');
    expect(codeLimitDecision(600_000, 'payment_code', 'alipay')).toMatchObject({
      allowed: false,
      use: 'gateway',
    });
  });

  it('property: allowed ⇔ amount ≤ cap, for every way and wallet, and a refusal always names the gateway', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ways),
        fc.option(fc.constantFrom(...providers), { nil: undefined }),
        fc.integer({ min: -2_000, max: 2_000 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (way, provider, nearCap, anywhere) => {
          const cap = codeCapFen(way, provider);
          for (const amount of [cap + nearCap, anywhere]) {
            if (amount <= 0) continue;
            const d = codeLimitDecision(amount, way, provider);
            expect(d.allowed).toBe(amount <= cap);
            expect(d.cap_fen).toBe(cap);
            if (!d.allowed) {
              expect(d.use).toBe('gateway');
              expect(d.reason_zh.length).toBeGreaterThan(0);
              expect(d.reason_en.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { seed: 296, numRuns: 500 },
    );
  });

  it('refuses amounts that are not positive integer fen (a programmer error)', () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => codeLimitDecision(bad, 'qr')).toThrow(RangeError);
  });
});
