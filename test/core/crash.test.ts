// Power-cut safety: a child commits sales in a loop and prints each receipt number after its commit
// returns; we SIGKILL it at random moments, 100 times, restarting it each time. Every printed receipt
// must be in the database, no sale may be partial, and the journal chain must verify.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/journal/journal';
import { bundleChild, runAndKill } from '../helpers/kill-child';
import { openTill } from '../helpers/till';

const KILLS = 100;
let childJs: string;

beforeAll(async () => {
  childJs = await bundleChild(join(__dirname, 'crash-child.ts'));
}, 60_000);

describe('crash safety', () => {
  it(`loses no acknowledged sale across ${KILLS} SIGKILLs`, async () => {
    const till = openTill();
    till.close();
    const delays = fc.sample(fc.integer({ min: 0, max: 150 }), { numRuns: KILLS, seed: 99 });
    const printed: string[] = [];
    for (const d of delays) printed.push(...(await runAndKill(childJs, [till.dir], d)));
    // Kills land before the first sale, between sales and inside commits; enough sales must have been shown.
    expect(printed.length).toBeGreaterThan(KILLS / 2);

    const db = new Database(join(till.dir, 'terminal.sqlite'), { readonly: true });
    const inDb = new Set(
      (db.prepare('SELECT receipt_no FROM sale').all() as { receipt_no: string }[]).map((r) => r.receipt_no),
    );
    const missing = printed.filter((r) => !inDb.has(r));
    expect(missing).toEqual([]);
    const partial = db
      .prepare(
        `SELECT s.id FROM sale s
          WHERE (SELECT COUNT(*) FROM sale_line l WHERE l.sale_id = s.id) <> 3
             OR (SELECT COALESCE(SUM(t.amount_fen), 0) FROM tender t WHERE t.sale_id = s.id) <> s.total_fen
             OR (SELECT COUNT(*) FROM print_job p WHERE p.sale_id = s.id) <> 1
             OR NOT EXISTS (SELECT 1 FROM journal j WHERE j.type = 'sale.completed' AND j.payload LIKE '%' || s.id || '%')`,
      )
      .all();
    expect(partial).toEqual([]);
    const sales = (
      db.prepare("SELECT COUNT(*) AS n FROM journal WHERE type = 'sale.completed'").get() as { n: number }
    ).n;
    expect(sales).toBe(inDb.size);
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    db.close();
  }, 240_000);
});
