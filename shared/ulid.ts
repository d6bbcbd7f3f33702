/**
 * ULIDs for ids that cross machines and rows made on hot paths: 48-bit time + 80 random bits,
 * Crockford base32, 26 characters, sorting by time. The random bits come from a pooled buffer the
 * caller's CSPRNG refills 4 KiB at a time: the `ulid` package asks the CSPRNG once per character,
 * which cost a sale commit more than its SQL did (bench/sale-commit) and a third of the server's
 * ingest CPU (bench/sync-drain).
 */
export const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID as this code writes it: 26 upper-case Crockford base32 characters. */
export const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ALPHABET = ULID_ALPHABET;
const POOL_BYTES = 4096;
const MAX_TIME = 2 ** 48 - 1;

/** `fill` writes cryptographically random bytes into the buffer (Node: `crypto.randomFillSync`). */
export function ulidFactory(fill: (buf: Uint8Array) => void): (nowMs: number) => string {
  const pool = new Uint8Array(POOL_BYTES);
  let offset = POOL_BYTES;
  return (nowMs) => {
    if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs > MAX_TIME)
      throw new RangeError(`ULID time out of range: ${nowMs}`);
    if (offset + 10 > POOL_BYTES) {
      fill(pool);
      offset = 0;
    }
    let time = '';
    let t = nowMs;
    for (let i = 0; i < 10; i++) {
      time = ALPHABET[t % 32] + time;
      t = Math.floor(t / 32);
    }
    // 10 bytes = 80 bits = 16 characters of 5 bits.
    let out = time;
    let acc = 0;
    let bits = 0;
    for (let i = 0; i < 10; i++) {
      acc = (acc << 8) | (pool[offset + i] ?? 0);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out += ALPHABET[(acc >> bits) & 31];
      }
      acc &= (1 << bits) - 1;
    }
    offset += 10;
    return out;
  };
}
