/** Device settings and live status through the DeviceManager and the contract handlers, with the printer emulator and socat ptys. */
import type { SerialPort } from 'serialport';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { DeviceStatus } from '../../shared/contract/devices';
import { deviceHandlers } from '../../src-main/devices/device-handlers';
import { DeviceManager } from '../../src-main/devices/device-manager';
import type { ScanEvent } from '../../src-main/devices/scanner/serial-scanner';
import { listPorts } from '../../src-main/devices/serial/list-ports';
import type { Db } from '../../src-main/store/db';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { FAST, openQueueDb, until } from './queue-helpers';
import { closePort, openDevice, ptyPair, send, type PtyPair } from './socat';

let emu: PrinterEmulator;
let db: Db;
let cleanup: () => void;
let dm: DeviceManager | null = null;
let pair: PtyPair | null = null;
let device: SerialPort | null = null;
beforeEach(async () => {
  emu = await startPrinterEmulator();
  ({ db, cleanup } = openQueueDb());
});
afterEach(async () => {
  await dm?.stop();
  if (device) await closePort(device);
  await pair?.close();
  dm = pair = device = null;
  await emu.close();
  cleanup();
});

function manager(statuses: DeviceStatus[] = [], scans: ScanEvent[] = []): DeviceManager {
  dm = new DeviceManager({
    db,
    defaults: {
      printer: { address: `tcp://127.0.0.1:${emu.port}`, profile: 'generic-58' },
      scanner: null,
      scale: null,
    },
    onChange: (s) => statuses.push(s),
    onScan: (s) => scans.push(s),
    statusPollMs: 50,
    printerTimeouts: { statusTimeoutMs: 200, confirmPollMs: 20 },
    queue: FAST,
  });
  return dm;
}

test('live printer status: ready, then paper out pushed as a change, then paper near end; a test page prints through the queue', async () => {
  const statuses: DeviceStatus[] = [];
  const m = manager(statuses);
  m.start();
  await until(() => statuses.at(-1)?.printer.state === 'ready', 3000, 'ready');
  emu.setState({ paperOut: true });
  await until(() => statuses.at(-1)?.printer.state === 'paper_out', 3000, 'paper out pushed');
  emu.setState({ paperOut: false, paperNearEnd: true });
  await until(() => statuses.at(-1)?.printer.state === 'near_end', 3000, 'near end pushed');
  expect(m.status()).toMatchObject({
    scanner: { state: 'none' },
    scale: { state: 'none', weight: { state: 'no_data' } },
  });

  const h = deviceHandlers(m);
  expect(await h['printer-test-page']({})).toMatchObject({ printed: true, error: null });
  const [page] = await emu.waitForJobs(1);
  expect(page?.text).toContain('打印测试页');
  expect(page?.text).toContain('12345678901234567890123456789012');
  expect(m.printQueue.recentJobs(5)).toMatchObject([{ receipt_no: 'TEST', state: 'done' }]);
});

test('printer refused mid-queue: status says paper_out and how many receipts wait; the poll retries them once paper is back', async () => {
  const statuses: DeviceStatus[] = [];
  const m = manager(statuses);
  m.start();
  emu.setState({ paperOut: true });
  const h = deviceHandlers(m);
  const page = await h['printer-test-page']({});
  expect(page).toMatchObject({ printed: false, error: expect.stringContaining('out of paper') });
  expect(m.status().printer).toMatchObject({ state: 'paper_out', queued: 1 });
  emu.setState({ paperOut: false });
  await until(() => m.status().printer.queued === 0, 3000, 'printed after recovery');
  expect(emu.jobs).toHaveLength(1);
});

test('settings: a bad printer address is refused and nothing changes; a scanner on a pty is opened, its scans pushed, its status live', async () => {
  const scans: ScanEvent[] = [];
  const m = manager([], scans);
  m.start();
  const h = deviceHandlers(m);
  const before = m.config();
  await expect(
    h['devices-config-set']({ ...before, printer: { address: 'lpt1', profile: 'generic-80' } }),
  ).rejects.toMatchObject({ code: 'bad_request' });
  expect(m.config()).toEqual(before);

  pair = await ptyPair();
  const status = await h['devices-config-set']({
    ...before,
    scanner: { path: pair.a, baud_rate: 9600, suffix: 'CRLF' },
  });
  expect(status.scanner.state).not.toBe('none');
  await until(() => m.status().scanner.state === 'ready', 3000, 'scanner ready');
  device = await openDevice(pair.b);
  await send(device, '134567890123456789\r\n');
  await until(() => scans.length === 1, 3000, 'scan pushed');
  expect(scans[0]?.result).toEqual({ kind: 'payment_code', provider: 'wechat', code: '134567890123456789' });
  expect(m.status().scanner.last_scan_ms).not.toBeNull();

  // Saved: a new manager on the same database starts with the scanner.
  await m.stop();
  dm = new DeviceManager({ db });
  expect(dm.config().scanner).toEqual({ path: pair.a, baud_rate: 9600, suffix: 'CRLF' });
});

test('device tests answer in words; scale commands without a scale are refused; unknown reprints are not_found', async () => {
  const h = deviceHandlers(manager());
  expect(
    await h['devices-test']({
      device: 'printer',
      config: { address: `tcp://127.0.0.1:${emu.port}`, profile: 'generic-80' },
    }),
  ).toEqual({ ok: true, message: 'the printer is ready' });
  emu.setState({ coverOpen: true });
  expect(
    await h['devices-test']({
      device: 'printer',
      config: { address: `tcp://127.0.0.1:${emu.port}`, profile: 'generic-80' },
    }),
  ).toMatchObject({ ok: false, message: expect.stringContaining('cover open') });
  expect(
    await h['devices-test']({
      device: 'scanner',
      config: { path: '/dev/does-not-exist', baud_rate: 9600, suffix: 'CR' },
      wait_ms: 0,
    }),
  ).toMatchObject({ ok: false, message: expect.stringContaining('/dev/does-not-exist') });
  pair = await ptyPair();
  const testing = h['devices-test']({
    device: 'scale',
    config: { path: pair.a, baud_rate: 9600, protocol: 'st-gs-line' },
    wait_ms: 2000,
  });
  device = await openDevice(pair.b);
  await new Promise((r) => setTimeout(r, 100));
  await send(device, 'ST,GS,+0000.750kg\r\nST,GS,+0000.750kg\r\n');
  expect(await testing).toEqual({ ok: true, message: 'stable weight 750 g' });
  await expect(h['scale-tare']({})).rejects.toMatchObject({ code: 'conflict' });
  expect(await h['scale-read']({})).toEqual({ state: 'no_data' });
});

test('listing ports survives a machine without udev', async () => {
  const r = await listPorts(() => Promise.reject(new Error('spawn udevadm ENOENT')));
  expect(r.error).toMatch(/udevadm ENOENT/);
  expect(Array.isArray(r.ports)).toBe(true);
  const empty = await listPorts(() => Promise.resolve([]));
  expect(empty.error).toBeNull();
  const real = await listPorts();
  expect(Array.isArray(real.ports)).toBe(true);
});
