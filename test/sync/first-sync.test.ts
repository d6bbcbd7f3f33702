// The first version of sync, end to end in one process: enrol, sell, push, and the server holds the sale once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/journal/journal';
import { startStack, type Stack } from '../helpers/in-process-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.core.sync.stop();
  await stack.core.handlers['cashier-signin']({ pin: '1234' });
});
afterAll(() => stack.close());

describe('first sync', () => {
  it('enrols with the pairing code and pulls the stall catalog', async () => {
    const info = await stack.core.handlers['session-info']({});
    expect(info.stall_name).toBe('老王蔬菜批发');
    const { products } = await stack.core.handlers['catalog-list']({});
    expect(products.map((p) => p.name)).toContain('大白菜');
  });

  it('pushes completed sales exactly once, and a retried push changes nothing', async () => {
    const { products } = await stack.core.handlers['catalog-list']({});
    const cabbage = products.find((p) => p.code === 'V001')!;
    for (let i = 0; i < 3; i++) {
      await stack.core.handlers['sale-complete']({
        lines: [
          { product_id: cabbage.id, entry: { kind: 'weight', gross_g: 1250, tare_g: 0 }, discount_fen: 0 },
        ],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 1000 }],
      });
    }
    // sign-in, the auto-opened shift, three sales
    expect(stack.core.sync.status().queue_depth).toBe(5);
    expect(await stack.core.sync.runOnce()).toBe(true);
    expect(stack.core.sync.status().queue_depth).toBe(0);
    // Forget the ack, as if the answer had been lost: the same entries go again and are acknowledged as duplicates.
    stack.core.db.prepare("UPDATE setting SET value = '0' WHERE key = 'acked_seq'").run();
    expect(await stack.core.sync.runOnce()).toBe(true);
    const server = new Database(join(stack.serverDir, 'server.sqlite'), { readonly: true });
    const sales = server.prepare('SELECT receipt_no, total_fen FROM sale ORDER BY receipt_no').all() as {
      receipt_no: string;
      total_fen: number;
    }[];
    const entries = server.prepare('SELECT COUNT(*) AS n FROM journal_entry').get() as { n: number };
    server.close();
    expect(sales).toHaveLength(3);
    expect(entries.n).toBe(5);
    // 2.5 斤 × 1.20 元/斤 = 3.00 元
    expect(sales.every((s) => s.total_fen === 300)).toBe(true);
    expect(verifyJournal(stack.core.db)).toEqual({ ok: true, entries: 5 });
  });

  it('refuses cash below the total and writes nothing', async () => {
    const { products } = await stack.core.handlers['catalog-list']({});
    const before = stack.core.db.prepare('SELECT COUNT(*) AS n FROM sale').get() as { n: number };
    await expect(
      stack.core.handlers['sale-complete']({
        lines: [
          {
            product_id: products[0]!.id,
            entry: { kind: 'weight', gross_g: 1000, tare_g: 0 },
            discount_fen: 0,
          },
        ],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'insufficient_tender' });
    expect(stack.core.db.prepare('SELECT COUNT(*) AS n FROM sale').get()).toEqual(before);
  });
});
