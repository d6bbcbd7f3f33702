// 2 → 3 with data in the tables: existing tenders keep everything and read as receipt-QR tenders.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp';
import { migrate } from '../db';
import { MIGRATIONS } from './index';

describe('migration 3 (tender.via)', () => {
  it('keeps v2 tenders, adds via = NULL, and accepts only gateway', () => {
    const db = new Database(join(tempDir('mig3'), 'terminal.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 2));
    db.exec(`
      INSERT INTO sale VALUES ('S1', 'T1-20261125-0001', '20261125', 1, 'pending', 600000, 0, 0, 0, 600000, 'C1', NULL, 1000);
      INSERT INTO tender VALUES ('S1', 1, 'qr', 600000, 600000, 0, 'pending', NULL, NULL, 1000);
    `);
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT kind, amount_fen, status, via FROM tender').get()).toEqual({
      kind: 'qr',
      amount_fen: 600000,
      status: 'pending',
      via: null,
    });
    db.prepare("UPDATE tender SET via = 'gateway'").run();
    expect(() => db.prepare("UPDATE tender SET via = 'wire'").run()).toThrow(/CHECK/);
    db.close();
  });
});
