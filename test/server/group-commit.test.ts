// Group commit (src-server/db/group-commit.ts): callers keep their own all-or-nothing outcome,
// concurrent writes share commits, and a resolved write survives a SIGKILL.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from '../../src-server/db/group-commit';
import { bundleChild, runAndKill } from '../helpers/kill-child';
import { tempDir } from '../helpers/temp';

interface Schema {
  t: { id: number; tag: string };
}

function open(file: string): {
  db: Kysely<Schema>;
  dialect: GroupCommitSqliteDialect;
  sqlite: Database.Database;
} {
  const sqlite = new Database(file, { timeout: 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, tag TEXT NOT NULL) STRICT');
  const dialect = new GroupCommitSqliteDialect(sqlite);
  return { db: new Kysely<Schema>({ dialect }), dialect, sqlite };
}

/** What another process sees: committed rows only. */
function committedIds(file: string): number[] {
  const other = new Database(file, { readonly: true });
  try {
    return (other.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  } finally {
    other.close();
  }
}

type Op =
  | { kind: 'insert'; id: number } // a write on its own; fails if the id exists
  | { kind: 'tx'; ids: number[]; fail: boolean } // several rows, then maybe throws
  | { kind: 'read' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), id: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant('tx' as const),
    ids: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 }),
    fail: fc.boolean(),
  }),
  fc.constant({ kind: 'read' as const }),
);

describe('group commit on SQLite', () => {
  it('keeps every caller all-or-nothing: what others see is exactly the writes that resolved (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        const file = join(tempDir('group-commit'), 'db.sqlite');
        const { db } = open(file);
        const settled = await Promise.allSettled(
          ops.map(async (op) => {
            if (op.kind === 'read') return [] as number[];
            if (op.kind === 'insert') {
              await db.insertInto('t').values({ id: op.id, tag: 'alone' }).execute();
              return [op.id];
            }
            await db.transaction().execute(async (trx) => {
              for (const id of op.ids) await trx.insertInto('t').values({ id, tag: 'tx' }).execute();
              if (op.fail) throw new Error('changed my mind');
            });
            return op.ids;
          }),
        );
        const resolved = settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
        // Each resolved write is visible to another connection the moment it resolved…
        expect(committedIds(file)).toEqual([...resolved].sort((a, b) => a - b));
        // …and the rejected ones left nothing: a failed transaction or duplicate id never half-lands.
        for (const [i, s] of settled.entries()) {
          const op = ops[i];
          if (s.status === 'rejected' && op?.kind === 'tx' && !op.fail)
            expect(String(s.reason)).toMatch(/UNIQUE/);
        }
        await db.destroy();
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });

  it('makes concurrent writers share commits, and a lone writer does not wait for company', async () => {
    const file = join(tempDir('group-commit'), 'db.sqlite');
    const { db, dialect } = open(file);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        db
          .insertInto('t')
          .values({ id: i + 1, tag: 'x' })
          .execute(),
      ),
    );
    expect(dialect.stats.writers).toBe(200);
    expect(dialect.stats.commits).toBeLessThan(20);
    const before = dialect.stats.commits;
    await db.insertInto('t').values({ id: 1000, tag: 'alone' }).execute();
    expect(dialect.stats.commits).toBe(before + 1);
    expect(committedIds(file)).toContain(1000);
    await db.destroy();
  });

  it('lets a transaction read its own writes and roll back to a savepoint inside', async () => {
    const file = join(tempDir('group-commit'), 'db.sqlite');
    const { db } = open(file);
    const trx = await db.startTransaction().execute();
    await trx.insertInto('t').values({ id: 1, tag: 'kept' }).execute();
    const sp = await trx.savepoint('inner').execute();
    await sp.insertInto('t').values({ id: 2, tag: 'undone' }).execute();
    await sp.rollbackToSavepoint('inner').execute();
    expect(await trx.selectFrom('t').select('id').execute()).toEqual([{ id: 1 }]);
    await trx.commit().execute();
    expect(committedIds(file)).toEqual([1]);
    const gone = await db.startTransaction().execute();
    await gone.insertInto('t').values({ id: 3, tag: 'rolled back' }).execute();
    await gone.rollback().execute();
    await db.insertInto('t').values({ id: 4, tag: 'after' }).execute();
    expect(committedIds(file)).toEqual([1, 4]);
    await db.destroy();
  });
});

describe('group commit under SIGKILL', () => {
  let childJs: string;
  beforeAll(async () => {
    childJs = await bundleChild(join(__dirname, 'group-commit-child.ts'));
  }, 60_000);

  it('loses no write that resolved, across 12 kills at random moments', async () => {
    const file = join(tempDir('group-commit-kill'), 'db.sqlite');
    const acked: number[] = [];
    const delays = fc.sample(fc.integer({ min: 20, max: 400 }), { numRuns: 12, seed: 7 });
    for (const d of delays) acked.push(...(await runAndKill(childJs, [file], d)).map(Number));
    expect(acked.length).toBeGreaterThan(100);
    const stored = new Set(committedIds(file));
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
