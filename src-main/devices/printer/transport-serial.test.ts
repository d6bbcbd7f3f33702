import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { afterEach, expect, test } from 'vitest';
import { SAMPLE_CASH_RECEIPT } from '../../../shared/receipt/samples';
import { decodeEscPos } from '../../../test/emulators/printer/decode';
import { createPrinter } from './driver';
import { PROFILES } from './profiles';
import { fileTransport } from './transport-file';
import { connectSerial, serialTransport, type SerialPortOpener } from './transport-serial';

let lastPort: SerialPortMock | null = null;
const mockOpener: SerialPortOpener = (o) => (lastPort = new SerialPortMock(o));
afterEach(() => SerialPortMock.binding.reset());

test('serial: status query answered by the device, then the job is written', async () => {
  SerialPortMock.binding.createPort('/dev/FAKE0', { record: true });
  const t = await connectSerial({ path: '/dev/FAKE0', statusTimeoutMs: 500 }, mockOpener);
  const port = lastPort;
  if (!port) throw new Error('no port opened');
  const reply = t.query(2);
  setTimeout(() => port.port?.emitData(Buffer.of(0x32)), 20); // paper end
  expect(await reply).toBe(0x32);
  await t.write(Uint8Array.of(0x1b, 0x40));
  expect(Array.from(port.port?.recording ?? [])).toEqual([0x10, 0x04, 0x02, 0x1b, 0x40]);
  await t.close();
});

test('serial: a silent device means printer_offline; a missing port too', async () => {
  SerialPortMock.binding.createPort('/dev/FAKE1', { record: true });
  const printer = createPrinter({
    connect: serialTransport({ path: '/dev/FAKE1' }, mockOpener),
    profile: PROFILES['generic-58'],
    statusTimeoutMs: 50,
  });
  await expect(printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false })).rejects.toMatchObject({
    code: 'printer_offline',
  });
  const missing = createPrinter({
    connect: serialTransport({ path: '/dev/NOPE' }, mockOpener),
    profile: PROFILES['generic-58'],
  });
  await expect(missing.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false })).rejects.toMatchObject({
    code: 'printer_offline',
  });
});

test('USB device file: writes the whole job blind (write-only), refuses a missing device without creating it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-'));
  const dev = join(dir, 'lp0');
  writeFileSync(dev, '');
  const printer = createPrinter({ connect: fileTransport({ path: dev }), profile: PROFILES['generic-80'] });
  await printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: true });
  const { jobs } = decodeEscPos(new Uint8Array(readFileSync(dev)));
  expect(jobs).toHaveLength(1);
  expect(jobs[0]?.text).toContain('老王蔬菜 A12');
  expect(jobs[0]?.drawerKicks).toHaveLength(1);
  await expect(printer.status()).rejects.toMatchObject({ code: 'printer_offline' });
  const gone = createPrinter({
    connect: fileTransport({ path: join(dir, 'lp1') }),
    profile: PROFILES['generic-80'],
  });
  await expect(gone.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false })).rejects.toMatchObject({
    code: 'printer_offline',
  });
  expect(() => readFileSync(join(dir, 'lp1'))).toThrow();
});
