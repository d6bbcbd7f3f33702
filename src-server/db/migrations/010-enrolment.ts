/**
 * v10 (issue 20): enrolment that survives a lost answer. A pairing code keeps the address it was used
 * from; a terminal keeps when it first pulled its configuration — until then its enrolment is half
 * done (待完成), shown to staff and cancellable. Terminals enrolled before this version count as done.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pairing_code').addColumn('used_from', 'text').execute();
  await db.schema.alterTable('terminal').addColumn('configured_ms', 'bigint').execute();
  await sql`UPDATE terminal SET configured_ms = created_ms WHERE status = 'active'`.execute(db);
}
