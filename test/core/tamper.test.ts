// Editing, deleting or reordering any journal row is reported by the verifier at the right entry,
// through the real command (`markettill terminal verify`) as well as the function.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../../bin/cli/children';
import { verifyJournal } from '../../src-main/journal/journal';
import { completeSale } from '../../src-main/sales/complete-sale';
import { openTill, pieces, weight } from '../helpers/till';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp';
import Database from 'better-sqlite3';

let source: string;
let entries: number;
beforeAll(() => {
  const till = openTill();
  for (let i = 0; i < 8; i++)
    completeSale(
      till.db,
      till.who,
      till.cashier,
      {
        lines: [weight('P-CAB', 500 + i), pieces('P-GAR', 1)],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 10_000 }],
      },
      Date.UTC(2026, 10, 25, 2, i),
    );
  entries = (till.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
  till.db.pragma('wal_checkpoint(TRUNCATE)');
  till.close();
  source = till.dir;
});

function copy(): { dir: string; db: Database.Database } {
  const dir = tempDir('tamper');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(source, 'terminal.sqlite'), join(dir, 'terminal.sqlite'));
  return { dir, db: new Database(join(dir, 'terminal.sqlite')) };
}

function verifyCli(dir: string): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [CLI_PATH, 'terminal', 'verify', '--data', dir], {
        encoding: 'utf8',
      }),
    };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

describe('journal tamper evidence', () => {
  it('an untouched journal verifies, by function and by command', () => {
    const { dir, db } = copy();
    expect(verifyJournal(db)).toEqual({ ok: true, entries });
    db.close();
    expect(verifyCli(dir)).toEqual({ code: 0, out: `journal ok: ${entries} entries, chain intact\n` });
  });

  it.each([2, 5, 9])('an edited payload at entry %i is reported there', (seq) => {
    const { dir, db } = copy();
    db.prepare(
      'UPDATE journal SET payload = replace(payload, \'"total_fen":\', \'"total_fen":1\') WHERE seq = ?',
    ).run(seq);
    db.prepare(
      "UPDATE journal SET payload = payload || ' ' WHERE seq = ? AND payload NOT LIKE '%total_fen%'",
    ).run(seq);
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq, reason: expect.stringContaining('hash') });
    db.close();
    const cli = verifyCli(dir);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`BROKEN at entry ${seq}`);
  });

  it('an edit that also rewrites the hash is caught at the next entry', () => {
    const { db } = copy();
    const e = db.prepare('SELECT * FROM journal WHERE seq = 4').get() as { payload: string };
    db.prepare('UPDATE journal SET payload = ?, hash = ? WHERE seq = 4').run(e.payload + ' ', 'f'.repeat(64));
    const r = verifyJournal(db);
    expect(r).toMatchObject({ ok: false, seq: 4 });
    db.close();
  });

  it('a deleted entry is reported as missing', () => {
    const { db } = copy();
    db.prepare('DELETE FROM journal WHERE seq = 6').run();
    expect(verifyJournal(db)).toMatchObject({
      ok: false,
      seq: 6,
      reason: expect.stringContaining('missing'),
    });
    db.close();
  });

  it('two swapped entries are reported at the first of them', () => {
    const { db } = copy();
    const a = db.prepare('SELECT * FROM journal WHERE seq = 3').get() as Record<string, unknown>;
    const b = db.prepare('SELECT * FROM journal WHERE seq = 7').get() as Record<string, unknown>;
    const put = db.prepare(
      'UPDATE journal SET id = @id, type = @type, at_ms = @at_ms, payload = @payload, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq',
    );
    db.transaction(() => {
      db.prepare("UPDATE journal SET id = id || 'x' WHERE seq IN (3, 7)").run();
      put.run({ ...b, seq: 3 });
      put.run({ ...a, seq: 7 });
    })();
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 3 });
    db.close();
  });
});
