/**
 * Cashier PIN hashes in the format the till verifies (src-main/cashiers/pin.ts):
 * `scrypt$N$salt(base64)$key(base64)`, 32-byte key. The server cannot import the
 * terminal's code, so the format is repeated here and pinned by a test.
 */
import { randomBytes, scrypt } from 'node:crypto';

const N = 8192;
const KEY_LEN = 32;

export function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => scrypt(pin, salt, KEY_LEN, { N }, (err, key) => (err ? reject(err) : resolve(`scrypt$${N}$${salt.toString('base64')}$${key.toString('base64')}`))));
}
