import { describe, expect, test } from 'vitest';
import { layoutReceipt } from '../../../shared/receipt/layout';
import { SAMPLE_CASH_RECEIPT, SAMPLE_PAY_URL, SAMPLE_QR_RECEIPT } from '../../../shared/receipt/samples';
import { decodeEscPos } from '../../../test/emulators/printer/decode';
import { encodeGb18030, encodeReceipt } from './escpos';
import { PROFILES } from './profiles';

function indexOf(hay: Uint8Array, needle: readonly number[], from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

describe('encodeReceipt', () => {
  const cash = encodeReceipt(layoutReceipt(SAMPLE_CASH_RECEIPT, 58), PROFILES['generic-58'], {
    kickDrawer: true,
  });

  test('Chinese mode is switched on after RPE initialize (which sends FS .)', () => {
    expect(Array.from(cash.subarray(0, 9))).toEqual([0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x4d, 0x00, 0x1c, 0x26]);
    expect(indexOf(cash, [0x1c, 0x2e], 4)).toBe(-1); // never cancelled later in the job
  });

  test('￥ is full-width A3 A4, never the half-width U+00A5 (81 30 84 36 / 3F)', () => {
    expect(Array.from(encodeGb18030('\uFFE5'))).toEqual([0xa3, 0xa4]);
    expect(indexOf(cash, [0xa3, 0xa4])).toBeGreaterThan(0);
    expect(indexOf(cash, [0x81, 0x30, 0x84, 0x36])).toBe(-1);
    expect(indexOf(cash, Array.from(encodeGb18030('合计')))).toBeGreaterThan(0);
  });

  test('drawer kick only when asked, and the job ends with a cut', () => {
    const noKick = encodeReceipt(layoutReceipt(SAMPLE_CASH_RECEIPT, 58), PROFILES['generic-58']);
    expect(decodeEscPos(cash).jobs[0]?.drawerKicks).toEqual([{ pin: 0, onMs: 100, offMs: 500 }]);
    const { jobs, unfinished } = decodeEscPos(noKick);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.drawerKicks).toEqual([]);
    expect(jobs[0]?.cut).toBe('partial');
    expect(unfinished).toBe(false);
  });

  test('native QR is GS ( k with the pay URL; raster profile sends GS v 0 that reads back', () => {
    const blocks = layoutReceipt(SAMPLE_QR_RECEIPT, 58);
    const native = encodeReceipt(blocks, PROFILES['generic-58']);
    const raster = encodeReceipt(blocks, PROFILES['generic-58-raster']);
    expect(indexOf(native, [0x1d, 0x28, 0x6b])).toBeGreaterThan(0);
    expect(indexOf(raster, [0x1d, 0x28, 0x6b])).toBe(-1);
    expect(indexOf(raster, [0x1d, 0x76, 0x30, 0x00])).toBeGreaterThan(0);
    expect(decodeEscPos(native).jobs[0]?.qrCodes).toEqual([{ data: SAMPLE_PAY_URL, source: 'native' }]);
    const rjob = decodeEscPos(raster).jobs[0];
    expect(rjob?.qrCodes).toEqual([{ data: SAMPLE_PAY_URL, source: 'raster' }]);
    expect(rjob?.images[0]?.widthDots).toBeLessThanOrEqual(PROFILES['generic-58-raster'].printable_dots);
  });

  test('the decoded text is exactly the laid-out text, style flags included', () => {
    for (const profile of Object.values(PROFILES)) {
      const blocks = layoutReceipt(SAMPLE_QR_RECEIPT, profile.paper);
      const job = decodeEscPos(encodeReceipt(blocks, profile)).jobs[0];
      const expected = blocks.flatMap((b) => (b.kind === 'text' ? [b] : []));
      expect(job?.lines).toEqual(expected.map((b) => b.text));
      expect(job?.styledLines.map((l) => [l.bold, l.widthScale, l.heightScale])).toEqual(
        expected.map((b) => [b.bold, b.size === 'big' ? 2 : 1, b.size === 'normal' ? 1 : 2]),
      );
      expect(job?.unknownCommands).toEqual([]);
    }
  });
});
