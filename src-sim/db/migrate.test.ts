import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { M001_INIT } from './m001-init';
import { MIGRATIONS } from './migrations';
import { migrate, openDb } from './open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const file = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'simpay-db-'));
  dirs.push(d);
  return join(d, 'sim.sqlite');
};

describe('migrations', () => {
  it('1 → current keeps the rows: existing buyers become level B, existing orders have no static code', () => {
    const f = file();
    const v1 = new Database(f);
    v1.exec(M001_INIT);
    v1.pragma('user_version = 1');
    v1.prepare(
      `INSERT INTO buyers (id, channel, name, openid, password, created_at) VALUES ('B1', 'WECHAT', 'x', 'o1', '123456', 1)`,
    ).run();
    v1.prepare(
      `INSERT INTO orders (transaction_id, sp_mchid, sub_mchid, out_trade_no, trade_type, state, description, amount_fen, profit_sharing, time_expire, request_hash, created_at)
      VALUES ('T1', '1900000000', '1600000000', 'O1', 'NATIVE', 'NOTPAY', 'd', 100, 0, 2, 'h', 1)`,
    ).run();
    v1.close();
    const db = openDb(f);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT code_level FROM buyers').get()).toEqual({ code_level: 'B' });
    expect(db.prepare('SELECT static_code, payer_openid, amount_fen FROM orders').get()).toEqual({
      static_code: null,
      payer_openid: null,
      amount_fen: 100,
    });
    db.close();
  });

  it('refuses a database newer than the code', () => {
    const db = new Database(file());
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this simulator/);
    db.close();
  });

  it('tables are STRICT: a float where fen belongs is refused', () => {
    const db = openDb(file());
    db.prepare(`INSERT INTO journal (id, at, kind, ref) VALUES (1, 1, 'K', 'R')`).run();
    db.prepare(`INSERT INTO postings (journal_id, account, amount_fen, at) VALUES (1, 'x', 2, 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO postings (journal_id, account, amount_fen, at) VALUES (1, 'x', 1.5, 1)`).run(),
    ).toThrow(/INTEGER/);
    db.close();
  });
});
