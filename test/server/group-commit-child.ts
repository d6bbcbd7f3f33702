// Group-commit kill-test child: eight writers insert rows concurrently (alone, or two in a
// transaction) and print each row's id only after its write resolved.
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { GroupCommitSqliteDialect } from '../../src-server/db/group-commit';

interface Schema {
  t: { id: number; writer: number };
}

const file = process.argv[2];
if (!file) throw new Error('usage: group-commit-child FILE');
const sqlite = new Database(file, { timeout: 5000 });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL) STRICT');
const db = new Kysely<Schema>({ dialect: new GroupCommitSqliteDialect(sqlite) });
const start =
  Number((sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM t').get() as { m: number }).m) + 1;
let next = start;
process.stdout.write('ready\n');

async function writer(w: number): Promise<never> {
  for (;;) {
    const a = next++;
    if (a % 3 === 0) {
      const b = next++;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: a, writer: w }).execute();
        await trx.insertInto('t').values({ id: b, writer: w }).execute();
      });
      process.stdout.write(`${a}\n${b}\n`);
    } else {
      await db.insertInto('t').values({ id: a, writer: w }).execute();
      process.stdout.write(`${a}\n`);
    }
  }
}

await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
