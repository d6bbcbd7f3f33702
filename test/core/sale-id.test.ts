// Idempotent sale completion: the UI names each sale with a client-made ULID; completing the same id again —
// after the core was SIGKILLed between the commit and its answer, or restarted — answers the committed sale.
import { describe, expect, it } from 'vitest';
import { newId as ulid } from '../../src-main/ids';
import { completeSale } from '../../src-main/sales/complete-sale';
import { bundleChild, runAndKill } from '../helpers/kill-child';
import { openTill, pieces } from '../helpers/till';

const sale = (sale_id: string, count = 2) => ({
  sale_id,
  lines: [pieces('P-GAR', count)],
  sale_discount_fen: 0,
  tenders: [{ kind: 'cash' as const, tendered_fen: 5000 }],
});
const counts = (db: ReturnType<typeof openTill>['db']) =>
  db
    .prepare(
      "SELECT (SELECT COUNT(*) FROM sale) AS sales, (SELECT COUNT(*) FROM journal WHERE type = 'sale.completed') AS entries",
    )
    .get();

describe('a sale named by the client', () => {
  it('a SIGKILL between commit and answer, then a retry of the same sale id, answers the committed sale once', async () => {
    const prepared = openTill();
    prepared.close();
    const id = ulid(Date.now());
    const child = await bundleChild('test/core/sale-id-child.ts');
    await runAndKill(child, [prepared.dir, id], 0);
    const till = openTill({ dir: prepared.dir });
    try {
      const first = till.db.prepare('SELECT receipt_no FROM sale WHERE id = ?').get(id) as {
        receipt_no: string;
      };
      const retry = completeSale(till.db, till.who, till.cashier, sale(id), Date.now());
      expect(retry).toMatchObject({
        sale_id: id,
        receipt_no: first.receipt_no,
        total_fen: 3000,
        change_fen: 2000,
        replayed: true,
      });
      // One sale and one journal entry — what the server will receive.
      expect(counts(till.db)).toEqual({ sales: 1, entries: 1 });
      // The same id with another cart is refused, and writes nothing.
      expect(() =>
        completeSale(
          till.db,
          till.who,
          till.cashier,
          { ...sale(id), lines: [pieces('P-CAB', 1)] },
          Date.now(),
        ),
      ).toThrow(expect.objectContaining({ code: 'conflict' }));
      expect(counts(till.db)).toEqual({ sales: 1, entries: 1 });
      // A new id is a new sale.
      expect(completeSale(till.db, till.who, till.cashier, sale(ulid(Date.now())), Date.now()).replayed).toBe(
        false,
      );
      expect(counts(till.db)).toEqual({ sales: 2, entries: 2 });
    } finally {
      till.close();
    }
  });
});
