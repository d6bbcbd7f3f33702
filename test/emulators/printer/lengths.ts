/**
 * How many bytes an ESC/POS command at buf[i] (DLE, ESC, FS or GS) spans,
 * from the Epson ESC/POS reference; null when the buffer ends before the
 * command does. An unknown command counts as its two prefix bytes.
 */

const at = (buf: Uint8Array, i: number): number | null => (i < buf.length ? (buf[i] ?? 0) : null);

/** Fixed lengths, keyed by the two prefix bytes. */
const FIXED: Record<string, number> = {
  '\x10\x04': 3,
  '\x10\x05': 3,
  '\x1b@': 2,
  '\x1b2': 2,
  '\x1bi': 2,
  '\x1bm': 2,
  '\x1bL': 2,
  '\x1bS': 2,
  '\x1b<': 2,
  '\x1bE': 3,
  '\x1bG': 3,
  '\x1b!': 3,
  '\x1ba': 3,
  '\x1bd': 3,
  '\x1bJ': 3,
  '\x1bM': 3,
  '\x1bt': 3,
  '\x1bR': 3,
  '\x1b3': 3,
  '\x1b-': 3,
  '\x1b{': 3,
  '\x1bV': 3,
  '\x1b ': 3,
  '\x1bU': 3,
  '\x1bT': 3,
  '\x1br': 3,
  '\x1be': 3,
  '\x1bK': 3,
  '\x1b$': 4,
  '\x1b\\': 4,
  '\x1bB': 4,
  '\x1bp': 5,
  '\x1bW': 10,
  '\x1c&': 2,
  '\x1c.': 2,
  '\x1c!': 3,
  '\x1c-': 3,
  '\x1cC': 3,
  '\x1cW': 3,
  '\x1cS': 4,
  '\x1cp': 4,
  '\x1d!': 3,
  '\x1dB': 3,
  '\x1da': 3,
  '\x1dH': 3,
  '\x1dh': 3,
  '\x1dw': 3,
  '\x1df': 3,
  '\x1dr': 3,
  '\x1dI': 3,
  '\x1d/': 3,
  '\x1db': 3,
  '\x1dE': 3,
  '\x1dT': 3,
  '\x1dL': 4,
  '\x1dW': 4,
  '\x1dP': 4,
  '\x1d$': 4,
  '\x1d\\': 4,
};

function lengthLE(buf: Uint8Array, i: number, bytes: number): number | null {
  let n = 0;
  for (let k = 0; k < bytes; k++) {
    const b = at(buf, i + k);
    if (b === null) return null;
    n += b * 256 ** k;
  }
  return n;
}

function variable(buf: Uint8Array, i: number, b0: number, b1: number): number | null {
  const key = String.fromCharCode(b0, b1);
  switch (key) {
    case '\x10\x14': {
      const fn = at(buf, i + 2);
      if (fn === null) return null;
      return fn === 8 ? 10 : fn >= 1 && fn <= 7 ? 5 : 3;
    }
    case '\x1bc': // ESC c 3 n / ESC c 4 n / ESC c 5 n
      return 4;
    case '\x1bD': {
      // tab positions, NUL-terminated (at most 32)
      for (let k = i + 2; k < buf.length && k < i + 35; k++) if (buf[k] === 0) return k - i + 1;
      return buf.length >= i + 35 ? 35 : null;
    }
    case '\x1b*': {
      // ESC * m nL nH d…
      const m = at(buf, i + 2);
      const n = lengthLE(buf, i + 3, 2);
      if (m === null || n === null) return null;
      return 5 + n * (m < 2 ? 1 : 3);
    }
    case '\x1dV': {
      // GS V m, or GS V m n for m = 65, 66, 97, 98, 103, 104
      const m = at(buf, i + 2);
      if (m === null) return null;
      return [65, 66, 97, 98, 103, 104].includes(m) ? 4 : 3;
    }
    case '\x1dv': {
      // GS v 0 m xL xH yL yH d…
      const x = lengthLE(buf, i + 4, 2);
      const y = lengthLE(buf, i + 6, 2);
      if (x === null || y === null) return null;
      return 8 + x * y;
    }
    case '\x1d(': {
      // GS ( c pL pH …
      const n = lengthLE(buf, i + 3, 2);
      return n === null ? null : 5 + n;
    }
    case '\x1d8': {
      // GS 8 L p1 p2 p3 p4 …
      const n = lengthLE(buf, i + 3, 4);
      return n === null ? null : 7 + n;
    }
    case '\x1d*': {
      // GS * x y d… (x × y × 8 bytes)
      const x = at(buf, i + 2);
      const y = at(buf, i + 3);
      return x === null || y === null ? null : 4 + x * y * 8;
    }
    case '\x1dk': {
      // GS k m …: m 0–6 NUL-terminated, m 65–79 with a length byte
      const m = at(buf, i + 2);
      if (m === null) return null;
      if (m >= 65) {
        const n = at(buf, i + 3);
        return n === null ? null : 4 + n;
      }
      for (let k = i + 3; k < buf.length; k++) if (buf[k] === 0) return k - i + 1;
      return null;
    }
    default:
      return 2;
  }
}

export function commandLength(buf: Uint8Array, i: number): number | null {
  const b0 = at(buf, i);
  const b1 = at(buf, i + 1);
  if (b0 === null || b1 === null) return null;
  const fixed = FIXED[String.fromCharCode(b0, b1)];
  const len = fixed ?? variable(buf, i, b0, b1);
  if (len === null || i + len > buf.length) return null;
  return len;
}
