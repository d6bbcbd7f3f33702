/** Cashier PINs: scrypt with a per-cashier salt; compared in constant time. */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 8192;
const KEY_LEN = 32;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${N}$${salt.toString('base64')}$${scryptSync(pin, salt, KEY_LEN, { N }).toString('base64')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [kind, n, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !n || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return timingSafeEqual(got, expected);
}

export { PIN_RE } from '../../shared/api/catalog';
