import { describe, expect, it } from 'vitest';
import { formatPinHash, parsePinHash, pinHashSchema } from './pin-hash';

describe('PIN hash format', () => {
  it('formats and parses scrypt$N$salt$key', () => {
    const h = {
      n: 8192,
      salt_b64: 'c2FsdHNhbHRzYWx0c2FsdA==',
      key_b64: 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
    };
    expect(formatPinHash(h)).toBe(`scrypt$8192$${h.salt_b64}$${h.key_b64}`);
    expect(parsePinHash(formatPinHash(h))).toEqual(h);
    expect(pinHashSchema.safeParse(formatPinHash(h)).success).toBe(true);
  });

  it('refuses anything else', () => {
    for (const s of [
      '',
      '1234',
      'bcrypt$10$a$b',
      'scrypt$0$a$b',
      'scrypt$8192$a',
      'scrypt$8192$a$b$c',
      'scrypt$x$a$b',
      'scrypt$8192$a b$c',
    ]) {
      expect(parsePinHash(s), s).toBeNull();
      expect(pinHashSchema.safeParse(s).success, s).toBe(false);
    }
  });
});
