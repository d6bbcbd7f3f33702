/**
 * Cashier PIN hashes in the format the till verifies (shared/pin-hash.ts),
 * made off the event loop: scrypt runs in libuv's thread pool.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { formatPinHash, PIN_KEY_BYTES, PIN_SALT_BYTES, PIN_SCRYPT_N } from '../../shared/pin-hash';

export function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(PIN_SALT_BYTES);
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, PIN_KEY_BYTES, { N: PIN_SCRYPT_N }, (err, key) =>
      err
        ? reject(err)
        : resolve(
            formatPinHash({
              n: PIN_SCRYPT_N,
              salt_b64: salt.toString('base64'),
              key_b64: key.toString('base64'),
            }),
          ),
    ),
  );
}
