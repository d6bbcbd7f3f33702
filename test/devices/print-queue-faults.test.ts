/**
 * The fault tests of issue 8: paper runs out in the middle of a queue of
 * receipts, and the printer disappears and comes back. Real SQLite file, real
 * driver over TCP, the decoding emulator as the printer.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { layoutReceipt } from '../../shared/receipt/layout';
import { encodeReceipt } from '../../src-main/devices/printer/escpos';
import { PROFILES } from '../../src-main/devices/printer/profiles';
import { PrintQueue } from '../../src-main/print/print-queue';
import type { Db } from '../../src-main/store/db';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { FAST, openQueueDb, receiptNo, receipts, tcpPrinter, until } from './queue-helpers';

let emu: PrinterEmulator;
let db: Db;
let cleanup: () => void;
let queue: PrintQueue | null = null;
beforeEach(async () => {
  emu = await startPrinterEmulator();
  ({ db, cleanup } = openQueueDb());
});
afterEach(async () => {
  queue?.stop();
  await queue?.idle();
  queue = null;
  await emu.close();
  cleanup();
});

const printedNos = (): Array<string | null> => emu.jobs.map((j) => receiptNo(j.text));
const states = (q: PrintQueue): string[] =>
  q
    .recentJobs(50)
    .reverse()
    .map((j) => j.state);

test('paper runs out in the middle of receipt 3 of 6: it is held, 4–6 wait; after paper is loaded all 6 print exactly once, in order', async () => {
  const docs = receipts(6);
  const jobBytes = encodeReceipt(layoutReceipt(docs[0]!, 58), PROFILES['generic-58'], {
    kickDrawer: true,
  }).length;
  const perJob = 4 * 3 + jobBytes + 3; // DLE EOT 1–4, the job, GS r 1
  emu.setState({ paperLeftBytes: 2 * perJob + 12 + Math.floor(jobBytes / 2) });
  const changes: string[] = [];
  queue = new PrintQueue(db, tcpPrinter(emu.port), () => changes.push('change'), FAST);
  const ids = docs.map((d) => queue!.enqueue(d));

  const third = await queue.print(ids[2]!);
  expect(third).toEqual({ printed: false, error: expect.stringContaining('out of paper') });
  expect(emu.state.paperOut).toBe(true);
  expect(printedNos()).toEqual(['T01-000201', 'T01-000202']);
  expect(states(queue)).toEqual(['done', 'done', 'printing', 'queued', 'queued', 'queued']);
  expect(queue.recentJobs(6).at(-3)?.message).toMatch(/paper_out.*holds this receipt/);
  expect(queue.problem()).toMatch(/out of paper/);
  await new Promise((r) => setTimeout(r, 300)); // nothing moves while the paper is out
  expect(emu.jobs).toHaveLength(2);

  emu.setState({ paperOut: false });
  await until(() => states(queue!).every((s) => s === 'done'), 5000, 'all jobs done');
  expect(printedNos()).toEqual(docs.map((d) => d.receipt_no));
  expect(emu.jobs.every((j) => !j.printedWhileFaulted && j.drawerKicks.length === 1)).toBe(true);
  expect(queue.problem()).toBeNull();
  expect(queue.lastError()).toBeNull();
  expect(changes.length).toBeGreaterThan(0);
});

test('paper out before the first receipt: nothing is sent, jobs wait with the reason, and print in order once paper is loaded', async () => {
  emu.setState({ paperOut: true });
  queue = new PrintQueue(db, tcpPrinter(emu.port), () => {}, FAST);
  const ids = receipts(3).map((d) => queue!.enqueue(d));
  expect(await queue.print(ids[0]!)).toEqual({
    printed: false,
    error: expect.stringContaining('out of paper'),
  });
  await new Promise((r) => setTimeout(r, 200));
  const waiting = queue.recentJobs(3).reverse();
  expect(waiting.map((j) => j.state)).toEqual(['queued', 'queued', 'queued']);
  expect(waiting[0]?.message).toMatch(/^paper_out/);
  expect(waiting[0]?.attempts).toBeGreaterThan(1); // it polled, with backoff
  expect(emu.jobs).toEqual([]);

  emu.setState({ paperOut: false });
  await until(() => states(queue!).every((s) => s === 'done'), 5000, 'all jobs done');
  expect(await queue.print(ids[2]!)).toEqual({ printed: true });
  expect(printedNos()).toEqual(['T01-000201', 'T01-000202', 'T01-000203']);
});

test('the printer disappears (connection refused) mid-queue and comes back on the same port: every receipt prints once, in order', async () => {
  const port = emu.port;
  queue = new PrintQueue(db, tcpPrinter(port), () => {}, FAST);
  const docs = receipts(5);
  expect(await queue.print(queue.enqueue(docs[0]!))).toEqual({ printed: true });
  const firstPrinter = emu;
  await emu.close();

  const ids = docs.slice(1).map((d) => queue!.enqueue(d));
  const outcome = await queue.print(ids[0]!);
  expect(outcome.printed).toBe(false);
  expect(!outcome.printed && outcome.error).toMatch(/ECONNREFUSED/);
  expect(queue.recentJobs(5).find((j) => j.id === ids[0])?.message).toMatch(/^printer_offline/);
  await new Promise((r) => setTimeout(r, 200));

  emu = await startPrinterEmulator({ port });
  await until(() => states(queue!).every((s) => s === 'done'), 5000, 'all jobs done');
  expect([...firstPrinter.jobs, ...emu.jobs].map((j) => receiptNo(j.text))).toEqual(
    docs.map((d) => d.receipt_no),
  );
});

test('the connection drops while the printer holds a job: it may have printed, so it fails for a person to reprint, and the queue goes on', async () => {
  const port = emu.port;
  const docs = receipts(2);
  emu.setState({ paperLeftBytes: 300 });
  queue = new PrintQueue(db, tcpPrinter(port), () => {}, FAST);
  const [first, second] = docs.map((d) => queue!.enqueue(d));
  await until(() => queue!.problem() !== null, 3000, 'the held job');
  await emu.close(); // the printer is switched off with the job in its buffer
  emu = await startPrinterEmulator({ port });

  await until(() => queue!.recentJobs(1)[0]?.state === 'done', 5000, 'the second job done');
  expect(await queue.print(second!)).toEqual({ printed: true });
  const jobs = queue.recentJobs(2);
  expect(jobs.map((j) => [j.id, j.state])).toEqual([
    [second, 'done'],
    [first, 'failed'],
  ]);
  expect(jobs[1]?.message).toMatch(/^write_failed: .*may or may not/);
  expect(printedNos()).toEqual(['T01-000202']);
  expect(queue.lastError()).toBeNull(); // a later receipt printed: the failure is in the list, not a standing error
});
