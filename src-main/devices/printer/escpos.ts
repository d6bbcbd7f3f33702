/**
 * Laid-out receipt blocks → ESC/POS bytes for one printer profile.
 *
 * RPE (@point-of-sale/receipt-printer-encoder) supplies initialize, native QR
 * (GS ( k), cut and drawer pulse. It has no CJK support, so text goes through
 * our own layer: FS & (Chinese mode) once after every initialize — RPE's
 * initialize sends FS . which cancels it — then each line as GB18030 bytes.
 * The layout already padded every line, so no ESC a alignment is sent for text.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import iconv from 'iconv-lite';
import type { ReceiptBlock, TextSize } from '../../../shared/receipt/blocks';
import type { PrinterProfile } from './profiles';
import { qrRaster, rasterCommand } from './raster-qr';

export const FS_CHINESE_ON = [0x1c, 0x26] as const;
export const FS_CHINESE_OFF = [0x1c, 0x2e] as const;
const LF = 0x0a;

export interface EncodeOptions {
  /** Pulse the cash drawer (cash sales only; never on a reprint). */
  kickDrawer?: boolean;
}

function rpe(profile: PrinterProfile): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({ language: 'esc-pos', columns: profile.columns, newline: '\n' });
}

/**
 * initialize, cut and drawer pulse depend only on the profile: RPE builds
 * them once per profile (building an encoder per job was most of a job's
 * encoding time).
 */
interface FixedBytes {
  init: Uint8Array;
  cut: Uint8Array;
  pulse: Uint8Array;
}
const fixedByProfile = new WeakMap<PrinterProfile, FixedBytes>();

function fixedBytes(profile: PrinterProfile): FixedBytes {
  let f = fixedByProfile.get(profile);
  if (f === undefined) {
    f = {
      init: rpe(profile).initialize().encode(),
      cut: profile.cut === 'none' ? new Uint8Array(0) : rpe(profile).cut(profile.cut).encode(),
      pulse: rpe(profile).pulse(profile.drawer.pin, profile.drawer.on_ms, profile.drawer.off_ms).encode(),
    };
    fixedByProfile.set(profile, f);
  }
  return f;
}

/** GS ! n: high nibble width multiplier − 1, low nibble height multiplier − 1. */
function sizeByte(size: TextSize): number {
  switch (size) {
    case 'normal':
      return 0x00;
    case 'tall':
      return 0x01;
    case 'big':
      return 0x11;
  }
}

/** GB18030 bytes of one line, in Chinese mode. Text is sanitized by the layout. */
export function encodeGb18030(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

class ByteSink {
  private readonly parts: Uint8Array[] = [];
  private length = 0;
  add(bytes: ArrayLike<number>): void {
    const u = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.parts.push(u);
    this.length += u.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

function encodeQr(sink: ByteSink, data: string, profile: PrinterProfile): void {
  if (profile.qr === 'native') {
    sink.add(
      rpe(profile).align('center').qrcode(data, 2, profile.qr_module_dots, 'm').align('left').encode(),
    );
    return;
  }
  sink.add([0x1b, 0x61, 0x01]); // ESC a 1: center the image
  sink.add(rasterCommand(qrRaster(data, profile.printable_dots, profile.qr_module_dots)));
  sink.add([LF, 0x1b, 0x61, 0x00]);
}

/** Bytes for one print job: initialize … cut. Throws on a block the layout cannot produce. */
export function encodeReceipt(
  blocks: readonly ReceiptBlock[],
  profile: PrinterProfile,
  options: EncodeOptions = {},
): Uint8Array {
  const sink = new ByteSink();
  const fixed = fixedBytes(profile);
  sink.add(fixed.init);
  sink.add(FS_CHINESE_ON);
  // Open the drawer first: the cashier counts change while the receipt prints.
  if (options.kickDrawer === true) sink.add(fixed.pulse);
  let bold = false;
  let size: TextSize = 'normal';
  sink.add([0x1b, 0x45, 0x00, 0x1d, 0x21, 0x00]);
  for (const b of blocks) {
    switch (b.kind) {
      case 'text':
        if (b.bold !== bold) sink.add([0x1b, 0x45, b.bold ? 1 : 0]);
        if (b.size !== size) sink.add([0x1d, 0x21, sizeByte(b.size)]);
        bold = b.bold;
        size = b.size;
        sink.add(encodeGb18030(b.text));
        sink.add([LF]);
        break;
      case 'qr':
        encodeQr(sink, b.data, profile);
        break;
      case 'feed':
        sink.add([0x1b, 0x64, Math.max(0, Math.min(255, b.lines))]);
        break;
      case 'cut':
        if (profile.feed_before_cut_lines > 0) sink.add([0x1b, 0x64, profile.feed_before_cut_lines]);
        sink.add(fixed.cut);
        break;
      default: {
        const never: never = b;
        throw new Error(`unexpected block ${JSON.stringify(never)}`);
      }
    }
  }
  return sink.bytes();
}
