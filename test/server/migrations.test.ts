// Migrations on both dialects: from each version to the next with data in the tables, and idempotent re-runs.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { MIGRATIONS, migrateServerDb } from '../../src-server/db/database';
import { describeEachDialect, freshDb } from './helpers/dialects';

describeEachDialect('migrations', (dialect) => {
  it('001 → latest keeps the walking skeleton’s data and fills the new columns', async () => {
    const f = await freshDb(dialect, { migrate: false });
    try {
      await migrateServerDb(f.db, '001-init');
      await sql`insert into market (id, name, time_zone, day_cutoff_hour) values ('M1', 'm', 'Asia/Shanghai', 4)`.execute(
        f.db,
      );
      await sql`insert into stall (id, market_id, name) values ('S1', 'M1', 's')`.execute(f.db);
      await sql`insert into terminal (id, stall_id, name, status, created_ms) values ('T1', 'S1', 't', 'active', 1)`.execute(
        f.db,
      );
      await sql`insert into sale (id, terminal_id, stall_id, receipt_no, business_day, total_fen, cashier, at_ms, received_ms) values ('A1', 'T1', 'S1', 'R1', '20260315', 1068, 'c', 1, 2)`.execute(
        f.db,
      );
      await sql`insert into sale_tender (sale_id, tender_no, kind, amount_fen, tendered_fen, change_fen) values ('A1', 1, 'cash', 1068, 2000, 932)`.execute(
        f.db,
      );
      await migrateServerDb(f.db);
      expect(await f.db.selectFrom('stall').select(['id', 'config_version']).execute()).toEqual([
        { id: 'S1', config_version: 1 },
      ]);
      expect(
        await f.db
          .selectFrom('sale')
          .select(['id', 'status', 'discount_fen', 'rounding_fen', 'shift_id', 'total_fen'])
          .execute(),
      ).toEqual([
        { id: 'A1', status: 'completed', discount_fen: 0, rounding_fen: 0, shift_id: null, total_fen: 1068 },
      ]);
      expect(await f.db.selectFrom('sale_tender').select(['status', 'buyer_id']).execute()).toEqual([
        { status: 'paid', buyer_id: null },
      ]);
      // Running again changes nothing.
      await migrateServerDb(f.db);
      const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(f.db);
      expect(done.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await f.drop();
    }
  });

  it('refuses a database migrated by newer code', async () => {
    const f = await freshDb(dialect);
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('999-future', '2030-01-01T00:00:00.000Z')`.execute(
        f.db,
      );
      await expect(migrateServerDb(f.db)).rejects.toThrow(/999-future/);
    } finally {
      await f.drop();
    }
  });
});
