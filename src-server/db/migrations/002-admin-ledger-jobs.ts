/**
 * v2: staff sessions, login attempts and the audit log; buyers with credit
 * limits; the fee schedule; the double-entry ledger (append-only, enforced by
 * triggers on both dialects); background jobs and their run log; a config
 * version per stall so terminals can pull catalog changes by version.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('stall')
    .addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('staff_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_user.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempt_user')
    .on('login_attempt')
    .columns(['username', 'at_ms'])
    .execute();
  await db.schema.createIndex('login_attempt_ip').on('login_attempt').columns(['ip', 'at_ms']).execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('buyer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stall_id', 'text', (c) => c.notNull().references('stall.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('credit_limit_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('fee_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stall_id', 'text', (c) => c.references('stall.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('fixed_fen', 'bigint', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chart_code', 'text', (c) => c.notNull())
    .addColumn('book', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text')
    .addColumn('buyer_id', 'text')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idem_key', 'text', (c) => c.notNull().unique())
    .addColumn('txn_type', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text')
    .addColumn('ref', 'text')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_posting')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('ledger_entry.id'))
    .addColumn('posting_no', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_account.id'))
    .addColumn('book', 'text', (c) => c.notNull())
    .addColumn('chart_code', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_posting_pk', ['entry_id', 'posting_no'])
    .execute();
  await db.schema.createIndex('ledger_posting_account').on('ledger_posting').column('account_id').execute();
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_after_ms', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until_ms', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('finished_ms', 'bigint')
    .execute();
  await db.schema.createIndex('job_ready').on('job').columns(['state', 'run_after_ms']).execute();
  await db.schema
    .createTable('job_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('job.id'))
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('started_ms', 'bigint', (c) => c.notNull())
    .addColumn('finished_ms', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('sale_day_terminal')
    .on('sale')
    .columns(['business_day', 'terminal_id'])
    .execute();
  await appendOnly(db, ['ledger_entry', 'ledger_posting', 'audit_log']);
}

/** The ledger and the audit log are append-only: corrections are new entries, never edits. */
async function appendOnly(db: Kysely<unknown>, tables: string[]): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION mt_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; END $$`.execute(
      db,
    );
    for (const t of tables)
      await sql
        .raw(
          `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION mt_refuse_change()`,
        )
        .execute(db);
    return;
  }
  for (const t of tables) {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, 'append-only table ${t}'); END`,
        )
        .execute(db);
    }
  }
}
