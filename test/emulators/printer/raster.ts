/** GS v 0 raster bitmaps → RGBA → jsQR, so a raster-printed QR is checked by reading it back. */
import jsQR from 'jsqr';

/** White border added around the bitmap: jsQR needs a quiet zone to find the finder patterns. */
const MARGIN_DOTS = 16;

export function decodeRasterQr(rowBytes: number, height: number, bits: Uint8Array): string | null {
  const w = rowBytes * 8 + 2 * MARGIN_DOTS;
  const h = height + 2 * MARGIN_DOTS;
  const rgba = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < rowBytes * 8; x++) {
      const byte = bits[y * rowBytes + (x >> 3)] ?? 0;
      if ((byte & (0x80 >> (x & 7))) === 0) continue;
      const p = ((y + MARGIN_DOTS) * w + x + MARGIN_DOTS) * 4;
      rgba[p] = 0;
      rgba[p + 1] = 0;
      rgba[p + 2] = 0;
    }
  }
  return jsQR(rgba, w, h)?.data ?? null;
}
