/**
 * ULIDs for ids that cross machines: 48-bit time + 80 random bits, Crockford
 * base32. Random bytes come from a pooled crypto buffer, refilled 4 KiB at a
 * time: the `ulid` package asks the CSPRNG once per character, which cost a
 * sale commit more than its SQL did (bench/sale-commit).
 */
import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

function randomByte(): number {
  if (offset >= POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  return POOL[offset++] ?? 0;
}

export function newId(nowMs: number): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs > 2 ** 48 - 1) throw new RangeError(`ULID time out of range: ${nowMs}`);
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[randomByte() & 31];
  return time + rand;
}
