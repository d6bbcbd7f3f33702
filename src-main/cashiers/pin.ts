/** Cashier PINs (shared/pin-hash.ts): scrypt with a per-cashier salt; compared in constant time. */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  formatPinHash,
  parsePinHash,
  PIN_KEY_BYTES,
  PIN_SALT_BYTES,
  PIN_SCRYPT_N,
} from '../../shared/pin-hash';

export { PIN_RE } from '../../shared/pin-hash';

export function hashPin(pin: string): string {
  const salt = randomBytes(PIN_SALT_BYTES);
  const key = scryptSync(pin, salt, PIN_KEY_BYTES, { N: PIN_SCRYPT_N });
  return formatPinHash({
    n: PIN_SCRYPT_N,
    salt_b64: salt.toString('base64'),
    key_b64: key.toString('base64'),
  });
}

export function verifyPin(pin: string, stored: string): boolean {
  const h = parsePinHash(stored);
  if (!h) return false;
  const expected = Buffer.from(h.key_b64, 'base64');
  const got = scryptSync(pin, Buffer.from(h.salt_b64, 'base64'), expected.length, { N: h.n });
  return timingSafeEqual(got, expected);
}
