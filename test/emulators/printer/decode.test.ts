import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { layoutReceipt } from '../../../shared/receipt/layout';
import { SAMPLE_PAY_URL, SAMPLE_QR_RECEIPT } from '../../../shared/receipt/samples';
import { encodeReceipt } from '../../../src-main/devices/printer/escpos';
import { PROFILES } from '../../../src-main/devices/printer/profiles';
import { decodeEscPos, EscPosDecoder } from './decode';
import { statusByte } from './emulator';
import type { PrintJob } from './job';
import { renderJob } from './job';

const gb = (s: string): number[] => Array.from(iconv.encode(s, 'gb18030'));

test('GB18030 inside FS & … FS ., ASCII outside, U+FFFD for high bytes outside Chinese mode', () => {
  const bytes = Uint8Array.of(
    0x1b,
    0x40,
    0x1c,
    0x26,
    ...gb('合计 ￥12.50 𠮷'),
    0x0a,
    0x1c,
    0x2e,
    ...gb('合'),
    0x41,
    0x0a,
    0x1d,
    0x56,
    0x00,
  );
  const { jobs } = decodeEscPos(bytes);
  expect(jobs[0]?.lines).toEqual(['合计 ￥12.50 𠮷', '\ufffd\ufffdA']);
  expect(jobs[0]?.cut).toBe('full');
});

test('the same stream split at every byte decodes the same (TCP chunks)', () => {
  const bytes = encodeReceipt(layoutReceipt(SAMPLE_QR_RECEIPT, 58), PROFILES['generic-58-raster'], {
    kickDrawer: true,
  });
  const whole = decodeEscPos(bytes).jobs;
  const jobs: PrintJob[] = [];
  const d = new EscPosDecoder({ onJob: (j) => jobs.push(j) });
  for (let i = 0; i < bytes.length; i += 7) d.push(bytes.subarray(i, i + 7));
  expect(jobs).toEqual(whole);
  expect(whole[0]?.qrCodes[0]?.data).toBe(SAMPLE_PAY_URL);
  expect(renderJob(whole[0] as PrintJob)).toContain(`[QR image`);
});

test('DLE EOT queries are reported in order; unknown commands are listed, not fatal', () => {
  const queries: number[] = [];
  const jobs: PrintJob[] = [];
  const d = new EscPosDecoder({ onStatusQuery: (n) => queries.push(n), onJob: (j) => jobs.push(j) });
  d.push(
    Uint8Array.of(
      0x10,
      0x04,
      0x01,
      0x10,
      0x04,
      0x04,
      0x1b,
      0x40,
      0x1b,
      0x7e,
      0x41,
      0x0a,
      0x1d,
      0x56,
      0x41,
      0x03,
    ),
  );
  expect(queries).toEqual([1, 4]);
  expect(jobs[0]?.lines).toEqual(['A']);
  expect(jobs[0]?.unknownCommands).toEqual(['1b7e']);
});

test('graphics and barcodes fed by other encoders are skipped by length', () => {
  const gs8L = [0x1d, 0x38, 0x4c, 3, 0, 0, 0, 0x0a, 0x0a, 0x0a]; // payload bytes look like LFs: must not print lines
  const barcode = [0x1d, 0x6b, 73, 3, 0x0a, 0x0a, 0x0a];
  const { jobs } = decodeEscPos(Uint8Array.of(0x1b, 0x40, ...gs8L, ...barcode, 0x42, 0x0a, 0x1d, 0x56, 0x01));
  expect(jobs[0]?.lines).toEqual(['B']);
  expect(jobs[0]?.cut).toBe('partial');
});

test('emulator status bytes are valid DLE EOT replies with the right bits', () => {
  const ok = {
    paperOut: false,
    paperNearEnd: false,
    coverOpen: false,
    offline: false,
    cutterError: false,
    silent: false,
  };
  expect([1, 2, 3, 4].map((n) => statusByte(n, ok))).toEqual([0x12, 0x12, 0x12, 0x12]);
  expect([1, 2, 3, 4].map((n) => statusByte(n, { ...ok, paperOut: true }))).toEqual([0x1a, 0x32, 0x12, 0x7e]);
  expect(statusByte(2, { ...ok, coverOpen: true })).toBe(0x16);
});
