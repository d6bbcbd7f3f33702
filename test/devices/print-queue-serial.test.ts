/** A serial receipt printer on a socat pty: the pty closes (cable pulled, printer off) and comes back; every receipt prints once, in order. */
import { existsSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { createPrinter } from '../../src-main/devices/printer/driver';
import { PROFILES } from '../../src-main/devices/printer/profiles';
import { serialTransport } from '../../src-main/devices/printer/transport-serial';
import { PrintQueue } from '../../src-main/print/print-queue';
import { EmulatedPrinter } from '../emulators/printer/printer-core';
import { startSerialPrinterEmulator, type SerialPrinterEmulator } from '../emulators/printer/serial-emulator';
import { FAST, openQueueDb, receiptNo, receipts, until } from './queue-helpers';
import { ptyPair, type PtyPair } from './socat';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

test('serial printer: pty closed mid-queue, receipts wait (printer_offline), pty back on the same path: all print once, in order', async () => {
  const { db, cleanup } = openQueueDb();
  open.push({ close: async () => cleanup() });
  const pair1: PtyPair = await ptyPair();
  const printer = new EmulatedPrinter();
  const emu1: SerialPrinterEmulator = await startSerialPrinterEmulator(pair1.b, printer);
  const driver = createPrinter({
    connect: serialTransport({ path: pair1.a, baudRate: 9600, statusTimeoutMs: 200 }),
    profile: PROFILES['generic-58'],
    statusTimeoutMs: 200,
    confirmPollMs: 20,
  });
  const queue = new PrintQueue(db, driver, () => {}, FAST);
  open.push({ close: async () => (queue.stop(), await queue.idle()) });
  const docs = receipts(4);

  expect(await queue.print(queue.enqueue(docs[0]!))).toEqual({ printed: true });
  await emu1.close();
  await pair1.close();
  expect(existsSync(pair1.a)).toBe(false);

  const ids = docs.slice(1).map((d) => queue.enqueue(d));
  const outcome = await queue.print(ids[0]!);
  expect(outcome.printed).toBe(false);
  expect(queue.problemCode()).toBe('printer_offline');
  await new Promise((r) => setTimeout(r, 150));
  expect(printer.jobs).toHaveLength(1);

  const pair2 = await ptyPair({ a: pair1.a, b: pair1.b });
  open.push(pair2);
  const emu2 = await startSerialPrinterEmulator(pair2.b, printer);
  open.push(emu2);
  await until(() => queue.pendingCount() === 0, 5000, 'queue drained');
  expect(printer.jobs.map((j) => receiptNo(j.text))).toEqual(docs.map((d) => d.receipt_no));
  expect(queue.recentJobs(4).every((j) => j.state === 'done')).toBe(true);
});
