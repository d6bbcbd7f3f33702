/**
 * The cashier PIN rule and the format of its hash, shared by the server (which
 * sets PINs from the staff pages) and the till (which verifies them offline):
 * `scrypt$N$salt$key`, salt and key in base64. The hashing itself runs in each
 * Node process (node:crypto), which shared/ may not import.
 */
import { z } from 'zod';

/** What a cashier types: 4 to 8 digits. */
export const PIN_RE = /^\d{4,8}$/;
export const PIN_SCRYPT_N = 8192;
export const PIN_SALT_BYTES = 16;
export const PIN_KEY_BYTES = 32;

export interface PinHash {
  /** scrypt's cost parameter the hash was made with */
  n: number;
  salt_b64: string;
  key_b64: string;
}

const B64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

export function formatPinHash(h: PinHash): string {
  return `scrypt$${h.n}$${h.salt_b64}$${h.key_b64}`;
}

/** null when `stored` is not a PIN hash in this format (a cashier who then cannot sign in). */
export function parsePinHash(stored: string): PinHash | null {
  const parts = stored.split('$');
  if (parts.length !== 4) return null;
  const [kind, n, salt, key] = parts as [string, string, string, string];
  if (kind !== 'scrypt' || !/^[1-9]\d{0,9}$/.test(n) || !B64_RE.test(salt) || !B64_RE.test(key)) return null;
  return { n: Number(n), salt_b64: salt, key_b64: key };
}

export const pinHashSchema = z
  .string()
  .max(200)
  .refine((s) => parsePinHash(s) !== null, 'PIN hash is scrypt$N$salt$key');
