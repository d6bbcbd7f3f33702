/**
 * Scale protocols as pluggable framers: bytes in, readings out. Pure and
 * incremental (a frame may arrive in pieces), bounded, never throwing on
 * bad input: a bad frame is a reading of kind 'bad_frame' with a reason.
 * Weights leave here as integer grams (DESIGN.md "Data rules").
 */
import { LineFramer } from '../scanner/line-framer';

export type ScaleReading =
  | { kind: 'weight'; stable: boolean; net: boolean; weight_g: number }
  /** over capacity (or the scale reports a fault) */
  | { kind: 'overload' }
  | { kind: 'bad_frame'; reason: string };

export interface ScaleFramer {
  push(chunk: Uint8Array): ScaleReading[];
  /** host commands, where the protocol has them */
  readonly commands: { zero?: Uint8Array; tare?: Uint8Array };
}

export type ScaleProtocol = 'st-gs-line' | 'aclas-os2x';
export const SCALE_PROTOCOLS: readonly ScaleProtocol[] = ['st-gs-line', 'aclas-os2x'];

/** Heaviest weight believed (a market platform scale tops out well below). */
export const WEIGHT_G_MAX = 5_000_000;

const G_PER_LB_E5 = 45_359_237n; // 1 lb = 453.59237 g exactly, × 10^5

/**
 * "0001.250" in `unit` → integer grams, rounded half up; null when not a
 * number. Decimal text is parsed as integers, never as a float.
 */
export function toGrams(text: string, unit: string, negative: boolean): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? '';
  const mantissa = Number((m[1] ?? '') + frac);
  const scale = 10 ** frac.length;
  let grams: number;
  switch (unit.trim().toLowerCase()) {
    case 'kg':
      grams = Math.floor((mantissa * 1000 * 2 + scale) / (2 * scale));
      break;
    case 'g':
      grams = Math.floor((mantissa * 2 + scale) / (2 * scale));
      break;
    case 'lb': {
      // BigInt: mantissa × 45359237 passes 2^53 for heavy loads.
      const den = BigInt(scale) * 100_000n;
      grams = Number((BigInt(mantissa) * G_PER_LB_E5 * 2n + den) / (2n * den));
      break;
    }
    default:
      return null;
  }
  if (!Number.isSafeInteger(grams) || grams > WEIGHT_G_MAX) return null;
  return negative && grams !== 0 ? -grams : grams;
}

/**
 * The "ST,GS,+0001.250kg" line family (Excell, Selleton and many OEM
 * indicators; hardware.md §6): head1 ST stable / US unstable / OL overload,
 * head2 GS gross / NT net, sign, number, unit kg | g | lb, CR LF. No
 * checksum, so the reader also asks for repeated identical frames. No
 * standard host commands.
 */
export class StGsLineFramer implements ScaleFramer {
  readonly commands = {};
  private readonly lines = new LineFramer('LF', 40);

  push(chunk: Uint8Array): ScaleReading[] {
    return this.lines
      .push(chunk)
      .map((e): ScaleReading =>
        e.kind === 'dropped' ? { kind: 'bad_frame', reason: `line ${e.reason}` } : parseStGsLine(e.text),
      );
  }
}

export function parseStGsLine(line: string): ScaleReading {
  const m = /^(ST|US|OL),(GS|NT),([+-])\s*([0-9.]{1,12})\s*(kg|g|lb)$/i.exec(line.trim());
  if (!m) return { kind: 'bad_frame', reason: `not an ST,GS line: ${JSON.stringify(line.slice(0, 32))}` };
  const [, head1 = '', head2 = '', sign, digits = '', unit = ''] = m;
  if (head1.toUpperCase() === 'OL') return { kind: 'overload' };
  const grams = toGrams(digits, unit, sign === '-');
  if (grams === null) return { kind: 'bad_frame', reason: `bad weight ${digits}${unit}` };
  return {
    kind: 'weight',
    stable: head1.toUpperCase() === 'ST',
    net: head2.toUpperCase() === 'NT',
    weight_g: grams,
  };
}

/**
 * 顶尖 Aclas OS2X continuous output (hardware.md §6), as we read it:
 *
 *   SOH STX  flag  sign  weight(6)  unit(2)  bcc  ETX EOT
 *   01  02   S|U|F ' '|-  " 1.250"  "kg"     xx   03  04      (15 bytes)
 *
 * flag S stable, U unstable, F overload/fault; weight is 6 ASCII characters
 * (digits, at most one '.', leading spaces); unit "kg", "g " or "lb"; bcc is
 * the XOR of the 10 bytes flag … unit. Host commands: "<ZK>\t" zero,
 * "<TK>\t" tare. The framer resynchronises on SOH STX after noise or a bad
 * frame, so a frame cut by noise costs one reading, never a wrong weight.
 */
export class AclasOs2xFramer implements ScaleFramer {
  readonly commands = { zero: new TextEncoder().encode('<ZK>\t'), tare: new TextEncoder().encode('<TK>\t') };
  private buf: number[] = [];

  push(chunk: Uint8Array): ScaleReading[] {
    const out: ScaleReading[] = [];
    for (const b of chunk) {
      this.buf.push(b);
      if (this.buf.length === 1 && b !== 0x01) this.buf = [];
      else if (this.buf.length === 2 && b !== 0x02) this.buf = b === 0x01 ? [0x01] : [];
      else if (this.buf.length === ACLAS_FRAME_BYTES) {
        const frame = this.buf;
        this.buf = [];
        const r = parseAclasFrame(Uint8Array.from(frame));
        out.push(r);
        if (r.kind === 'bad_frame') this.resync(frame);
      }
    }
    return out;
  }

  /** After a bad frame, a real frame may start inside it: rescan from its second byte. */
  private resync(frame: number[]): void {
    const at = frame.findIndex(
      (b, i) => i > 0 && b === 0x01 && (frame[i + 1] === 0x02 || i === frame.length - 1),
    );
    if (at > 0) this.buf = frame.slice(at);
  }
}

export const ACLAS_FRAME_BYTES = 15;

export function aclasBcc(body: Uint8Array): number {
  return body.reduce((x, b) => x ^ b, 0);
}

export function parseAclasFrame(f: Uint8Array): ScaleReading {
  if (f.length !== ACLAS_FRAME_BYTES || f[0] !== 0x01 || f[1] !== 0x02 || f[13] !== 0x03 || f[14] !== 0x04)
    return { kind: 'bad_frame', reason: 'frame markers missing' };
  const body = f.subarray(2, 12);
  if (aclasBcc(body) !== f[12]) return { kind: 'bad_frame', reason: 'checksum mismatch' };
  const text = String.fromCharCode(...body);
  const flag = text[0];
  if (flag === 'F') return { kind: 'overload' };
  if (flag !== 'S' && flag !== 'U')
    return { kind: 'bad_frame', reason: `unknown flag ${JSON.stringify(flag)}` };
  const sign = text[1];
  if (sign !== ' ' && sign !== '-') return { kind: 'bad_frame', reason: 'bad sign' };
  const grams = toGrams(text.slice(2, 8), text.slice(8, 10), sign === '-');
  if (grams === null) return { kind: 'bad_frame', reason: `bad weight ${JSON.stringify(text.slice(2, 10))}` };
  return { kind: 'weight', stable: flag === 'S', net: false, weight_g: grams };
}

/** An Aclas OS2X frame, for tests and the scale emulator. */
export function aclasFrame(
  flag: 'S' | 'U' | 'F',
  weight: string,
  unit: 'kg' | 'g ' | 'lb' = 'kg',
): Uint8Array {
  const body = new TextEncoder().encode(
    `${flag}${weight.startsWith('-') ? '-' : ' '}${weight.replace('-', '').padStart(6, ' ')}${unit}`,
  );
  return Uint8Array.from([0x01, 0x02, ...body, aclasBcc(body), 0x03, 0x04]);
}

export function framerFor(protocol: ScaleProtocol): ScaleFramer {
  switch (protocol) {
    case 'st-gs-line':
      return new StGsLineFramer();
    case 'aclas-os2x':
      return new AclasOs2xFramer();
  }
}
