/** A serial scanner over a real socat pty pair: CR, LF and CRLF suffixes, noise, partial and over-long frames. */
import { symlinkSync, unlinkSync } from 'node:fs';
import type { SerialPort } from 'serialport';
import { afterEach, describe, expect, test } from 'vitest';
import { SerialScanner, type ScanEvent } from '../../src-main/devices/scanner/serial-scanner';
import type { Suffix } from '../../src-main/devices/scanner/line-framer';
import { closePort, openDevice, ptyPair, send, type PtyPair } from './socat';
import { until } from './queue-helpers';

let pair: PtyPair | null = null;
let device: SerialPort | null = null;
let scanner: SerialScanner | null = null;
afterEach(async () => {
  await scanner?.stop();
  if (device) await closePort(device);
  await pair?.close();
  pair = device = scanner = null;
});

async function setUp(
  suffix: Suffix,
  baudRate = 9600,
  extra: { maxLength?: number; frameIdleMs?: number } = {},
) {
  pair = await ptyPair();
  const scans: ScanEvent[] = [];
  const dropped: string[] = [];
  scanner = new SerialScanner(
    { path: pair.a, baudRate, suffix, ...extra },
    { onScan: (s) => scans.push(s), onDropped: (r) => dropped.push(r) },
  );
  scanner.start();
  await until(() => scanner!.state.state === 'open', 3000, 'scanner open');
  device = await openDevice(pair.b, baudRate);
  return { scans, dropped, dev: device };
}

const CODES = [
  '6901234567892',
  '134567890123456789',
  'https://pay.markettill.example/p/01JXKQ7Z3M-T01-124.eyJhIjo0MzkwfQ.Sig_AbC-123',
  'TABC12-20261125-0001',
  '6901234567893',
];

describe.each([
  ['CR', '\r', 9600],
  ['LF', '\n', 115200],
  ['CRLF', '\r\n', 115200],
] as const)('suffix %s', (suffix, end, baud) => {
  test('every code arrives once, classified, in order, even split across writes', async () => {
    const { scans, dev } = await setUp(suffix, baud);
    for (const code of CODES.slice(0, 3)) await send(dev, code + end);
    // One code in two writes, then two codes in one write.
    await send(dev, CODES[3]!.slice(0, 7));
    await new Promise((r) => setTimeout(r, 20));
    await send(dev, CODES[3]!.slice(7) + end + CODES[4] + end);
    await until(() => scans.length === CODES.length, 3000, 'all scans');
    expect(scans.map((s) => s.raw)).toEqual(CODES);
    expect(scans.map((s) => s.result.kind)).toEqual([
      'product',
      'payment_code',
      'pay_url',
      'receipt_no',
      'unknown',
    ]);
    expect(scans[4]?.result).toMatchObject({ reason: 'bad_check_digit' });
    expect(scans.every((s) => s.source === 'serial')).toBe(true);
  });
});

test('a scanner sending CRLF to a till set to CR still reads clean codes', async () => {
  const { scans, dev } = await setUp('CR');
  await send(dev, '6901234567892\r\n96385074\r\n');
  await until(() => scans.length === 2, 3000, 'two scans');
  expect(scans.map((s) => s.raw)).toEqual(['6901234567892', '96385074']);
});

test('line noise (NUL, 0xFF) is dropped; control garbage is classified unknown, not acted on', async () => {
  const { scans, dev } = await setUp('CR');
  await send(
    dev,
    Uint8Array.from([0x00, 0xff, 0x00, ...Buffer.from('6901234567892\r'), 0x1b, 0x07, 0x41, 0x0d]),
  );
  await until(() => scans.length === 2, 3000, 'two frames');
  expect(scans[0]?.result).toEqual({ kind: 'product', symbology: 'ean13', code: '6901234567892' });
  expect(scans[1]?.result).toMatchObject({ kind: 'unknown', reason: 'unprintable' });
});

test('a frame cut short (no suffix) is dropped after the idle time; an over-long frame is dropped whole; the next code reads', async () => {
  const { scans, dropped, dev } = await setUp('LF', 9600, { maxLength: 64, frameIdleMs: 100 });
  await send(dev, '690123456');
  await until(() => dropped.length === 1, 3000, 'partial dropped');
  await send(dev, 'x'.repeat(200) + '\n' + '96385074\n');
  await until(() => scans.length === 1, 3000, 'next scan');
  expect(dropped).toEqual(['partial', 'too_long']);
  expect(scans.map((s) => s.raw)).toEqual(['96385074']);
});

test('a missing port is an error state, retried with backoff; it opens and reads once the port appears', async () => {
  pair = await ptyPair();
  const missing = `${pair.a}-later`;
  const states: string[] = [];
  const scans: string[] = [];
  scanner = new SerialScanner(
    { path: missing, reconnectMsMin: 20, reconnectMsMax: 50 },
    { onScan: (s) => scans.push(s.raw), onState: (s) => states.push(s.state) },
  );
  scanner.start();
  await until(() => states.filter((s) => s === 'error').length >= 2, 3000, 'retries');
  expect(scanner.state).toMatchObject({ state: 'error', message: expect.stringContaining(missing) });
  symlinkSync(pair.a, missing); // the scanner is plugged in
  await until(() => scanner!.state.state === 'open', 3000, 'reopened');
  device = await openDevice(pair.b);
  await send(device, '96385074\r');
  await until(() => scans.length === 1, 3000, 'scan');
  await scanner.stop();
  unlinkSync(missing);
});
