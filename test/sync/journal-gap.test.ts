// journal_gap recovery, end to end: a till whose acked position is ahead of what the server holds (the server
// was restored, or the till's setting was written ahead) pushes from there, the server refuses the gap and
// answers its own position in details.acked_seq (declared in the contract), and the till resends from the
// server's position: every entry and every sale ends up on the server exactly once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { ERROR_DETAILS } from '../../shared/api/errors';
import { journalAfter, verifyJournal } from '../../src-main/journal/journal';
import { callServer, ServerError } from '../../src-main/sync/server-client';
import { loadOrCreateKey } from '../../src-main/sync/signer';
import { startStack, type Stack } from '../helpers/in-process-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.core.sync.stop();
  await stack.core.handlers['cashier-signin']({ pin: '1234' });
});
afterAll(() => stack.close());

async function sell(n: number): Promise<void> {
  const { products } = await stack.core.handlers['catalog-list']({});
  const cabbage = products.find((p) => p.code === 'V001');
  if (!cabbage) throw new Error('no cabbage in the demo catalog');
  for (let i = 0; i < n; i++) {
    const line = {
      product_id: cabbage.id,
      entry: { kind: 'weight' as const, gross_g: 1000 + i, tare_g: 0 },
      discount_fen: 0,
    };
    await stack.core.handlers['sale-complete']({
      lines: [line],
      sale_discount_fen: 0,
      tenders: [{ kind: 'cash', tendered_fen: 10_000 }],
    });
  }
}

function onServer(): { entries: number; distinct: number; maxSeq: number; sales: number } {
  const db = new Database(join(stack.serverDir, 'server.sqlite'), { readonly: true });
  try {
    const e = db
      .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, MAX(seq) AS m FROM journal_entry')
      .get() as { n: number; d: number; m: number };
    const s = db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d FROM sale').get() as {
      n: number;
      d: number;
    };
    expect(s.d).toBe(s.n);
    return { entries: e.n, distinct: e.d, maxSeq: e.m, sales: s.n };
  } finally {
    db.close();
  }
}

const setAcked = (seq: number) =>
  stack.core.db.prepare("UPDATE setting SET value = ? WHERE key = 'acked_seq'").run(String(seq));
const localLast = () => (stack.core.db.prepare('SELECT MAX(seq) AS m FROM journal').get() as { m: number }).m;

it('the server answers a gap with its own acked position in details, in the contract’s shape', async () => {
  await sell(2);
  expect(await stack.core.sync.runOnce()).toBe(true);
  const held = onServer().maxSeq;
  // Two more sales; only the second is pushed, so the first is missing.
  await sell(2);
  const { privateKey } = loadOrCreateKey(stack.terminalDir);
  const link = {
    url: stack.server.url,
    auth: { key: privateKey, terminalId: stack.core.identity.terminal_id },
  };
  const skipped = journalAfter(stack.core.db, localLast() - 1, 1)[0];
  if (!skipped) throw new Error('no entry to push');
  const err = await callServer(link, api.terminalJournalPush, { body: { entries: [skipped] } }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServerError);
  expect(err).toMatchObject({ status: 409, code: 'journal_gap', details: { acked_seq: held } });
  expect(ERROR_DETAILS.journal_gap.safeParse((err as ServerError).details).success).toBe(true);
});

it('a till ahead of the server resends from the server’s position and ends with everything applied once', async () => {
  await sell(3);
  const before = onServer();
  const last = localLast();
  expect(last).toBeGreaterThan(before.maxSeq + 2);
  // The till believes the server holds two more entries than it does.
  setAcked(before.maxSeq + 2);
  // First run: refused as a gap; the till takes the server's word for its position.
  expect(await stack.core.sync.runOnce()).toBe(false);
  expect(stack.core.sync.status().link).toMatchObject({
    state: 'degraded',
    error: expect.stringContaining('journal_gap'),
  });
  expect(stack.core.sync.ackedSeq()).toBe(before.maxSeq);
  expect(onServer()).toEqual(before);
  // Next run: resends from there.
  expect(await stack.core.sync.runOnce()).toBe(true);
  expect(stack.core.sync.ackedSeq()).toBe(last);
  expect(stack.core.sync.status().queue_depth).toBe(0);
  const after = onServer();
  expect(after.entries).toBe(last);
  expect(after.distinct).toBe(last);
  expect(after.maxSeq).toBe(last);
  // Seven sales in all (2 + 2 before, 3 here), each once.
  const localSales = (stack.core.db.prepare('SELECT COUNT(*) AS n FROM sale').get() as { n: number }).n;
  expect(after.sales).toBe(localSales);
  expect(localSales).toBe(7);
  expect(verifyJournal(stack.core.db)).toEqual({ ok: true, entries: last });
});
