/**
 * The one way staff change what a stall's tills get in their config (catalog,
 * prices, cashiers, settings): the change and the stall's config version bump
 * in one transaction, and after the commit — never before, or a till could
 * pull the old version — a `config` event to the stall's open terminal event
 * streams. Buyer changes are announced without a bump (`announceConfig`).
 */
import type { ServerDb } from '../db/database';
import type { TerminalEventHub } from './event-hub';

export async function bumpConfig(db: ServerDb, stallId: string): Promise<void> {
  await db
    .updateTable('stall')
    .set((eb) => ({ config_version: eb('config_version', '+', 1) }))
    .where('id', '=', stallId)
    .execute();
}

/** Runs `fn` in a transaction; each stall it bumps is announced once the transaction committed. */
export async function changeConfig<T>(
  db: ServerDb,
  events: TerminalEventHub,
  fn: (trx: ServerDb, bump: (stallId: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const bumped = new Set<string>();
  const out = await db.transaction().execute((trx) =>
    fn(trx, async (stallId) => {
      await bumpConfig(trx, stallId);
      bumped.add(stallId);
    }),
  );
  for (const stallId of bumped) await announceConfig(db, events, stallId);
  return out;
}

/**
 * Tells the stall's open streams to pull config now. On its own for changes
 * that reach the tills without a version bump (buyers: their balances move
 * with every synced sale, and a bump would also end the tills' price overrides).
 */
export async function announceConfig(db: ServerDb, events: TerminalEventHub, stallId: string): Promise<void> {
  if (!events.listened()) return;
  const row = await db
    .selectFrom('stall')
    .select('config_version')
    .where('id', '=', stallId)
    .executeTakeFirst();
  if (row) events.toStall(stallId, { type: 'config', version: row.config_version });
}
