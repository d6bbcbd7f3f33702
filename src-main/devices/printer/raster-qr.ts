/**
 * QR as a GS v 0 raster image, for printers that lack GS ( k. The module grid
 * comes straight from `qrcode` (no PNG round trip), scaled by whole dots so
 * every module stays square and crisp, with the 4-module quiet zone.
 */
import QRCode from 'qrcode';

const QUIET_MODULES = 4;
/** GS v 0 height is 16 bits, width in bytes is 16 bits; a receipt QR is far smaller. */
const MAX_RASTER_DOTS = 2048;

export interface RasterImage {
  /** dots across; a multiple of 8 */
  width: number;
  height: number;
  /** row-major, 1 bit per dot, MSB first, 1 = black */
  bits: Uint8Array;
}

export function qrRaster(data: string, maxWidthDots: number, maxModuleDots: number): RasterImage {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const n = modules.size + 2 * QUIET_MODULES;
  const scale = Math.min(maxModuleDots, Math.floor(maxWidthDots / n));
  if (scale < 1) throw new RangeError(`QR of ${modules.size} modules does not fit ${maxWidthDots} dots`);
  const side = n * scale;
  if (side > MAX_RASTER_DOTS) throw new RangeError(`QR raster ${side} dots exceeds ${MAX_RASTER_DOTS}`);
  const width = Math.ceil(side / 8) * 8;
  const rowBytes = width / 8;
  const bits = new Uint8Array(rowBytes * side);
  for (let y = 0; y < side; y++) {
    const my = Math.floor(y / scale) - QUIET_MODULES;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - QUIET_MODULES;
      const dark = my >= 0 && mx >= 0 && my < modules.size && mx < modules.size && modules.get(my, mx) !== 0;
      if (!dark) continue;
      const i = y * rowBytes + (x >> 3);
      bits[i] = (bits[i] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return { width, height: side, bits };
}

/** GS v 0 m=0 (normal density) xL xH yL yH d… */
export function rasterCommand(img: RasterImage): Uint8Array {
  const rowBytes = img.width / 8;
  const head = [0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, img.height & 0xff, img.height >> 8];
  const out = new Uint8Array(head.length + img.bits.length);
  out.set(head, 0);
  out.set(img.bits, head.length);
  return out;
}
