// The store's promises: migrations carry data from each version to the next, a newer database is
// refused, and a full disk or a locked file fails a sale cleanly — nothing half-written, a clear error.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../shared/contract/envelope';
import { dispatch } from '../../src-main/rpc/registry';
import { completeSale } from '../../src-main/sales/complete-sale';
import { DatabaseTooNewError, migrate, openTerminalDb } from '../../src-main/store/db';
import { MIGRATIONS } from '../../src-main/store/migrations';
import { dailyBackup } from '../../src-main/store/backup';
import { fakeHandlers } from '../helpers/fake-handlers';
import { openTill, pieces, weight } from '../helpers/till';
import { tempDir } from '../helpers/temp';
import { readdirSync } from 'node:fs';

const cart = {
  lines: [weight('P-CAB', 1000), pieces('P-GAR', 1)],
  sale_discount_fen: 0,
  tenders: [{ kind: 'cash' as const, tendered_fen: 5000 }],
};

describe('migrations', () => {
  it('1 → 2 keeps sales, lines, tenders, journal and print jobs', () => {
    const dir = tempDir('mig');
    const db = new Database(join(dir, 'terminal.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.exec(`
      INSERT INTO sale VALUES ('S1', 'T1-20261125-0001', '20261125', 1, 'completed', 1068, '收银员', 1000);
      INSERT INTO sale_line VALUES ('S1', 1, 'P-CAB', '大白菜', 'jin', 1250, 120, 300), ('S1', 2, 'P-TOM', '西红柿', 'kg', 1200, 640, 768);
      INSERT INTO tender VALUES ('S1', 1, 'cash', 1068, 2000, 932);
      INSERT INTO journal VALUES (1, '01J', 'sale.completed', 1000, '{}', '${'0'.repeat(64)}', '${'a'.repeat(64)}');
      INSERT INTO print_job VALUES ('J1', 'S1', '{}', 'done', 1, NULL, 1000, 1000);
    `);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(
      db.prepare('SELECT status, subtotal_fen, rounding_fen, total_fen, cashier_id FROM sale').get(),
    ).toEqual({
      status: 'completed',
      subtotal_fen: 1068,
      rounding_fen: 0,
      total_fen: 1068,
      cashier_id: '收银员',
    });
    expect(
      db.prepare('SELECT line_no, kind, quantity, amount_fen, net_fen FROM sale_line ORDER BY line_no').all(),
    ).toEqual([
      { line_no: 1, kind: 'weight', quantity: 1250, amount_fen: 300, net_fen: 300 },
      { line_no: 2, kind: 'weight', quantity: 1200, amount_fen: 768, net_fen: 768 },
    ]);
    expect(db.prepare('SELECT kind, amount_fen, change_fen, status FROM tender').get()).toEqual({
      kind: 'cash',
      amount_fen: 1068,
      change_fen: 932,
      status: 'paid',
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM journal').get()).toEqual({ n: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The print job still points at its sale through the rebuilt table.
    expect(db.prepare('SELECT s.receipt_no FROM print_job p JOIN sale s ON s.id = p.sale_id').get()).toEqual({
      receipt_no: 'T1-20261125-0001',
    });
    db.close();
  });

  it('refuses a database newer than the code, leaving it untouched', () => {
    const dir = tempDir('mig-new');
    const db = new Database(join(dir, 'terminal.sqlite'));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openTerminalDb(dir)).toThrow(DatabaseTooNewError);
    const again = new Database(join(dir, 'terminal.sqlite'));
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    again.close();
  });
});

describe('storage faults', () => {
  function counts(db: Database.Database) {
    return db
      .prepare(
        "SELECT (SELECT COUNT(*) FROM sale) AS sales, (SELECT COUNT(*) FROM sale_line) AS lines, (SELECT COUNT(*) FROM print_job) AS jobs, (SELECT COUNT(*) FROM journal WHERE type = 'sale.completed') AS entries",
      )
      .get() as Record<string, number>;
  }

  it('a full disk fails the sale whole, and the envelope says so plainly', async () => {
    const till = openTill();
    const pages = till.db.pragma('page_count', { simple: true }) as number;
    till.db.pragma(`max_page_count = ${pages + 3}`);
    let failure: unknown = null;
    for (let i = 0; i < 500 && !failure; i++) {
      try {
        completeSale(till.db, till.who, till.cashier, cart, Date.UTC(2026, 10, 25, 2, 0, i));
      } catch (err) {
        failure = err;
      }
    }
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    const c = counts(till.db);
    expect(c.lines).toBe((c.sales ?? 0) * 2);
    expect(c.jobs).toBe(c.sales);
    expect(c.entries).toBe(c.sales);
    const envelope = await dispatch(
      fakeHandlers({
        'status-get': () => {
          throw failure;
        },
      }),
      'status-get',
      {},
    );
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'storage_error', message: expect.stringContaining('Nothing was written') },
    });
    till.close();
  });

  it('a locked database fails the sale whole with SQLITE_BUSY', () => {
    const till = openTill();
    till.db.pragma('busy_timeout = 50');
    const other = new Database(join(till.dir, 'terminal.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    expect(() => completeSale(till.db, till.who, till.cashier, cart, Date.UTC(2026, 10, 25, 2))).toThrow(
      expect.objectContaining({ code: 'SQLITE_BUSY' }),
    );
    other.exec('ROLLBACK');
    other.close();
    expect(counts(till.db)).toEqual({ sales: 0, lines: 0, jobs: 0, entries: 0 });
    expect(() =>
      completeSale(till.db, till.who, till.cashier, cart, Date.UTC(2026, 10, 25, 2)),
    ).not.toThrow();
    till.close();
  });

  it('a coded failure is an expected value, not a crash', async () => {
    const env = await dispatch(
      fakeHandlers({
        'status-get': () => {
          throw new CodedError('insufficient_tender', 'short');
        },
      }),
      'status-get',
      {},
    );
    expect(env).toEqual({ ok: false, error: { code: 'insufficient_tender', message: 'short' } });
  });
});

describe('backups', () => {
  it('keeps one online backup per day, the newest seven, each a readable database', async () => {
    const till = openTill();
    completeSale(till.db, till.who, till.cashier, cart, Date.UTC(2026, 10, 25, 2));
    const day = 86_400_000;
    for (let i = 0; i < 10; i++) await dailyBackup(till.db, till.dir, Date.UTC(2026, 10, 1) + i * day);
    expect(await dailyBackup(till.db, till.dir, Date.UTC(2026, 10, 10))).toBeNull();
    const files = readdirSync(join(till.dir, 'backups')).sort();
    expect(files).toEqual(
      ['04', '05', '06', '07', '08', '09', '10'].map((d) => `terminal-202611${d}.sqlite`),
    );
    const copy = new Database(join(till.dir, 'backups', files.at(-1)!), { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM sale').get()).toEqual({ n: 1 });
    copy.close();
    till.close();
  });
});
