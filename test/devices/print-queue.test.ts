/** Print queue: reprints, the recent list, restart recovery, no printer configured. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SAMPLE_QR_RECEIPT } from '../../shared/receipt/samples';
import { PrintQueue } from '../../src-main/print/print-queue';
import type { Db } from '../../src-main/store/db';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { FAST, openQueueDb, receipts, tcpPrinter, until } from './queue-helpers';

let emu: PrinterEmulator;
let db: Db;
let cleanup: () => void;
const queues: PrintQueue[] = [];
beforeEach(async () => {
  emu = await startPrinterEmulator();
  ({ db, cleanup } = openQueueDb());
});
afterEach(async () => {
  for (const q of queues.splice(0)) {
    q.stop();
    await q.idle();
  }
  await emu.close();
  cleanup();
});

function newQueue(printer = tcpPrinter(emu.port)): PrintQueue {
  const q = new PrintQueue(db, printer, () => {}, FAST);
  queues.push(q);
  return q;
}

test('a cash receipt kicks the drawer on its first print only; a reprint is a new job, marked 补打, without a kick', async () => {
  const q = newQueue();
  const [doc] = receipts(1);
  const first = q.enqueue(doc!);
  expect(await q.print(first)).toEqual({ printed: true });
  const again = q.reprint({ job_id: first });
  expect(again).not.toBeNull();
  expect(await q.print(again!)).toEqual({ printed: true });
  const [a, b] = await emu.waitForJobs(2);
  expect(a?.drawerKicks).toHaveLength(1);
  expect(a?.text).not.toContain('补打');
  expect(b?.drawerKicks).toEqual([]);
  expect(b?.text).toContain('补打小票');
  expect(b?.text).toContain('T01-000201');
  const recent = q.recentJobs(10);
  expect(recent.map((j) => [j.id, j.reprint, j.state, j.receipt_no])).toEqual([
    [again, true, 'done', 'T01-000201'],
    [first, false, 'done', 'T01-000201'],
  ]);
});

test('reprint by sale uses the sale’s latest job, or a fresher document when given; unknown references give null', async () => {
  db.prepare(
    "INSERT INTO sale (id, receipt_no, business_day, day_seq, status, total_fen, cashier, created_ms) VALUES ('S1', 'T01-000124', '2025-06-01', 1, 'completed', 4390, 'x', 0)",
  ).run();
  const q = newQueue();
  const first = q.enqueue(SAMPLE_QR_RECEIPT, 'S1');
  await q.print(first);
  const paid = {
    ...SAMPLE_QR_RECEIPT,
    tenders: [{ kind: 'qr' as const, amount_fen: 4390, status: 'paid' as const }],
  };
  const id = q.reprint({ sale_id: 'S1' }, paid);
  expect(await q.print(id!)).toEqual({ printed: true });
  const [, copy] = await emu.waitForJobs(2);
  expect(copy?.text).toContain('扫码支付 已支付');
  expect(copy?.qrCodes).toEqual([]);
  expect(q.recentJobs(1)[0]).toMatchObject({ sale_id: 'S1', reprint: true });
  expect(q.reprint({ sale_id: 'nope' })).toBeNull();
  expect(q.reprint({ job_id: 'nope' })).toBeNull();
});

test('a job left printing by a till that stopped is failed (it may have printed), never resent by itself; queued ones print after restart', async () => {
  const idle = new PrintQueue(db, null);
  const [a, b] = receipts(2).map((d) => idle.enqueue(d));
  db.prepare("UPDATE print_job SET state = 'printing' WHERE id = ?").run(a);
  expect(await idle.print(b!)).toEqual({
    printed: false,
    error: expect.stringContaining('no printer configured'),
  });

  const q = newQueue();
  await until(() => q.recentJobs(1)[0]?.state === 'done', 5000, 'restart drain');
  expect(q.recentJobs(2).map((j) => [j.id, j.state])).toEqual([
    [b, 'done'],
    [a, 'failed'],
  ]);
  expect(q.recentJobs(2)[1]?.message).toMatch(/till stopped while this receipt was printing/);
  expect(emu.jobs.map((j) => j.text.includes('T01-000202'))).toEqual([true]);
});

test('a stored document that cannot be read fails with a reason and does not block the queue', async () => {
  const q = newQueue(tcpPrinter(emu.port));
  q.stop();
  db.prepare(
    "INSERT INTO print_job (id, sale_id, document, state, created_ms, updated_ms) VALUES ('BAD', NULL, '{not json', 'queued', 1, 1)",
  ).run();
  const q2 = newQueue();
  const good = q2.enqueue(receipts(1)[0]!);
  expect(await q2.print(good)).toEqual({ printed: true });
  expect(q2.recentJobs(5).find((j) => j.id === 'BAD')).toMatchObject({
    state: 'failed',
    message: expect.stringMatching(/^bad_document/),
  });
});
