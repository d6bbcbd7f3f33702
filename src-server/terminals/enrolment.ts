/**
 * Enrolment that survives a lost answer (issue 20). A pairing code registers one Ed25519 key: a retry
 * with the same code and the same key within the code's lifetime gets the same terminal (its first
 * answer was lost on the way), another key is refused, and so is any use after the lifetime. The
 * enrolment is half done (待完成) until the terminal's first configuration pull; staff see it with when
 * and from where the code was used, and may cancel it.
 */
import { createPublicKey } from 'node:crypto';
import type { TerminalView } from '../../shared/api/terminals';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';

/** The key as the server stores and compares it: one PEM text per key, whatever the client's line breaks. */
function canonicalKeyPem(publicKeyPem: string): string {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new ApiError('bad_request', 'public_key_pem is not an Ed25519 public key');
  }
}

const codeRefused = (): ApiError =>
  new ApiError(
    'pairing_code_invalid',
    'pairing code is unknown, used by another terminal key or expired; ask the market office for a new one',
  );

export const CANCELLED_MESSAGE =
  "the market office cancelled this terminal's enrolment; ask it for a new pairing code";

export async function enrolTerminal(
  db: ServerDb,
  code: string,
  publicKeyPem: string,
  nowMs: number,
  fromIp: string,
): Promise<string> {
  const pem = canonicalKeyPem(publicKeyPem);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('pairing_code')
      .set({ used_ms: nowMs, used_from: fromIp })
      .where('code', '=', code)
      .where('used_ms', 'is', null)
      .where('expires_ms', '>', nowMs)
      .returning('terminal_id')
      .executeTakeFirst();
    if (claimed) {
      await trx
        .updateTable('terminal')
        .set({ public_key_pem: pem, status: 'active' })
        .where('id', '=', claimed.terminal_id)
        .where('status', '=', 'pending')
        .execute();
      return claimed.terminal_id;
    }
    // Used already: the same key's retry gets the same answer; anyone else learns nothing more.
    const prior = await trx
      .selectFrom('pairing_code as c')
      .innerJoin('terminal as t', 't.id', 'c.terminal_id')
      .select(['c.terminal_id', 'c.expires_ms', 't.status', 't.public_key_pem'])
      .where('c.code', '=', code)
      .executeTakeFirst();
    if (!prior || prior.public_key_pem !== pem) throw codeRefused();
    if (prior.status === 'revoked') throw new ApiError('terminal_revoked', CANCELLED_MESSAGE);
    if (prior.expires_ms <= nowMs) throw codeRefused();
    return prior.terminal_id;
  });
}

/** The first configuration pull completes the enrolment. */
export async function markConfigured(db: ServerDb, terminalId: string, nowMs: number): Promise<void> {
  const t = await db
    .selectFrom('terminal')
    .select('configured_ms')
    .where('id', '=', terminalId)
    .executeTakeFirst();
  if (t && t.configured_ms === null)
    await db
      .updateTable('terminal')
      .set({ configured_ms: nowMs })
      .where('id', '=', terminalId)
      .where('configured_ms', 'is', null)
      .execute();
}

/** Terminals as staff see them, with where each enrolment got to. */
export async function terminalViews(
  db: ServerDb,
  where: { stall_id: string } | { terminal_id: string },
): Promise<TerminalView[]> {
  let q = db
    .selectFrom('terminal as t')
    .leftJoin('pairing_code as c', 'c.terminal_id', 't.id')
    .select([
      't.id',
      't.stall_id',
      't.name',
      't.status',
      't.created_ms',
      't.public_key_pem',
      't.configured_ms',
      'c.expires_ms',
      'c.used_ms',
      'c.used_from',
    ]);
  q =
    'stall_id' in where
      ? q.where('t.stall_id', '=', where.stall_id)
      : q.where('t.id', '=', where.terminal_id);
  const rows = await q.orderBy('t.id').execute();
  return rows.map((r) => ({
    id: r.id,
    stall_id: r.stall_id,
    name: r.name,
    status: r.status,
    created_ms: r.created_ms,
    pending_step:
      r.status === 'revoked' || r.configured_ms !== null
        ? null
        : r.public_key_pem === null
          ? 'code'
          : 'config',
    code_expires_ms: r.expires_ms,
    enrolled_ms: r.used_ms ? r.used_ms : null,
    enrolled_from: r.used_ms ? r.used_from : null,
    configured_ms: r.configured_ms,
  }));
}

async function viewOf(db: ServerDb, terminalId: string): Promise<TerminalView> {
  const [t] = await terminalViews(db, { terminal_id: terminalId });
  if (!t) throw new ApiError('not_found', `no terminal ${terminalId}`);
  return t;
}

/** A code never used can no longer be (used_ms 0: died unused). */
async function killUnusedCode(db: ServerDb, terminalId: string): Promise<void> {
  await db
    .updateTable('pairing_code')
    .set({ used_ms: 0 })
    .where('terminal_id', '=', terminalId)
    .where('used_ms', 'is', null)
    .execute();
}

/** Revoked: its key's next request is refused, and a code it never used dies. */
export async function revokeTerminal(db: ServerDb, terminalId: string): Promise<TerminalView> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('terminal').set({ status: 'revoked' }).where('id', '=', terminalId).execute();
    await killUnusedCode(trx, terminalId);
  });
  return viewOf(db, terminalId);
}

/** A half-done enrolment cancelled: as revoked, refused once the terminal pulled its configuration. */
export async function cancelEnrolment(
  db: ServerDb,
  terminalId: string,
  nowMs: number,
): Promise<TerminalView> {
  const t = await viewOf(db, terminalId);
  if (t.pending_step === null)
    throw new ApiError(
      'conflict',
      t.status === 'revoked'
        ? `terminal ${terminalId} is revoked already`
        : `terminal ${terminalId} finished enrolling; revoke it instead`,
    );
  await db.transaction().execute(async (trx) => {
    // Conditional, so a configuration pull that lands meanwhile is not revoked by a cancel.
    const cancelled = await trx
      .updateTable('terminal')
      .set({ status: 'revoked' })
      .where('id', '=', terminalId)
      .where('status', '!=', 'revoked')
      .where('configured_ms', 'is', null)
      .executeTakeFirst();
    if (Number(cancelled.numUpdatedRows) === 0)
      throw new ApiError(
        'conflict',
        `terminal ${terminalId} finished enrolling meanwhile; revoke it instead`,
      );
    await trx
      .updateTable('pairing_code')
      .set({ expires_ms: nowMs })
      .where('terminal_id', '=', terminalId)
      .where('expires_ms', '>', nowMs)
      .execute();
    await killUnusedCode(trx, terminalId);
  });
  return viewOf(db, terminalId);
}
