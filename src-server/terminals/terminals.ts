/** Terminals: creation with a one-time pairing code (enrolment.ts uses it), and their configuration. */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { TerminalConfigInput } from '../../shared/sync/config';
import type { Unit } from '../../shared/units';
import type { ServerDb } from '../db/database';
import { stallSettings } from '../tills/routes';

export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function randomCode(len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export async function createTerminal(
  db: ServerDb,
  stallId: string,
  name: string,
  nowMs: number,
): Promise<{ terminal_id: string; pairing_code: string; expires_ms: number }> {
  const terminalId = `T${randomCode(5)}`;
  const code = randomCode(8);
  const expires = nowMs + PAIRING_CODE_TTL_MS;
  // Inside a caller's transaction (the demo's all-or-nothing seed) the two rows join it.
  const inTrx = <T>(fn: (trx: ServerDb) => Promise<T>): Promise<T> =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  await inTrx(async (trx) => {
    await trx
      .insertInto('terminal')
      .values({
        id: terminalId,
        stall_id: stallId,
        name,
        public_key_pem: null,
        status: 'pending',
        created_ms: nowMs,
      })
      .execute();
    await trx
      .insertInto('pairing_code')
      .values({ code, terminal_id: terminalId, expires_ms: expires, used_ms: null })
      .execute();
  });
  return { terminal_id: terminalId, pairing_code: code, expires_ms: expires };
}

/** The stall's catalog and on-account buyers (with what each owes, from the ledger, as of this terminal's last stored seq). */
export async function terminalConfig(db: ServerDb, terminalId: string): Promise<TerminalConfigInput> {
  const row = await db
    .selectFrom('terminal')
    .innerJoin('stall', 'stall.id', 'terminal.stall_id')
    .innerJoin('market', 'market.id', 'stall.market_id')
    .select([
      'terminal.id as terminal_id',
      'stall.id as stall_id',
      'stall.name as stall_name',
      'stall.config_version',
      'market.name as market_name',
      'market.time_zone',
      'market.day_cutoff_hour',
    ])
    .where('terminal.id', '=', terminalId)
    .executeTakeFirstOrThrow();
  const products = await db
    .selectFrom('product')
    .select(['id', 'code', 'name', 'unit', 'unit_price_fen', 'category'])
    .where('stall_id', '=', row.stall_id)
    .orderBy('code')
    .execute();
  const last = await db
    .selectFrom('journal_entry')
    .select('seq')
    .where('terminal_id', '=', terminalId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const buyers = await db
    .selectFrom('buyer as b')
    .leftJoin('ledger_account as a', (j) =>
      j
        .onRef('a.buyer_id', '=', 'b.id')
        .onRef('a.stall_id', '=', 'b.stall_id')
        .on('a.chart_code', '=', 'M1103'),
    )
    .leftJoin('ledger_posting as p', 'p.account_id', 'a.id')
    .select([
      'b.id',
      'b.name',
      'b.credit_limit_fen',
      sql<number>`cast(coalesce(sum(p.amount_fen), 0) as bigint)`.as('balance_fen'),
    ])
    .where('b.stall_id', '=', row.stall_id)
    .groupBy(['b.id', 'b.name', 'b.credit_limit_fen'])
    .orderBy('b.name')
    .execute();
  const cashiers = await db
    .selectFrom('cashier')
    .select(['id', 'name', 'role', 'pin_hash'])
    .where('stall_id', '=', row.stall_id)
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
  const { config_version, ...rest } = row;
  return {
    version: config_version,
    ...rest,
    products: products.map((p) => ({ ...p, unit: p.unit as Unit })),
    cashiers,
    settings: await stallSettings(db, row.stall_id),
    buyers: buyers.map((b) => ({
      id: b.id,
      name: b.name,
      credit_limit_fen: b.credit_limit_fen,
      balance_fen: Number(b.balance_fen),
      as_of_seq: last?.seq ?? 0,
    })),
  };
}
