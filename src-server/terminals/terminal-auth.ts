/**
 * Verifies a terminal's signed request (DESIGN.md "Trust boundaries"): known
 * and active terminal, timestamp within 5 minutes, nonce unseen in that
 * window, Ed25519 signature over method, path, timestamp, nonce and body digest.
 * Each refusal has its own code.
 */
import { createHash, verify } from 'node:crypto';
import { LOCAL_TIME_HEADER, SIGNATURE_HEADERS } from '../../shared/api/headers';
import { SIGNATURE_WINDOW_MS, signingString } from '../../shared/sync/signing';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { noteClockSkew } from './clock-skew';
import { terminalPublicKey } from './terminal-key';

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

export interface AuthedTerminal {
  id: string;
  stall_id: string;
}

const header = (h: SignedRequest['headers'], name: string): string | null => {
  const v = h[name];
  return typeof v === 'string' && v.length > 0 && v.length < 512 ? v : null;
};

export async function verifyTerminalRequest(
  db: ServerDb,
  req: SignedRequest,
  nowMs: number,
): Promise<AuthedTerminal> {
  const terminalId = header(req.headers, SIGNATURE_HEADERS.terminal);
  const ts = header(req.headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(req.headers, SIGNATURE_HEADERS.nonce);
  const sig = header(req.headers, SIGNATURE_HEADERS.signature);
  if (!terminalId || !ts || !nonce || !sig)
    throw new ApiError('unauthenticated', 'signed request headers missing');
  const terminal = await db
    .selectFrom('terminal')
    .select(['id', 'stall_id', 'status', 'public_key_pem'])
    .where('id', '=', terminalId)
    .executeTakeFirst();
  if (!terminal || !terminal.public_key_pem)
    throw new ApiError('unknown_terminal', `terminal ${terminalId} is not enrolled`);
  if (terminal.status === 'revoked')
    throw new ApiError('terminal_revoked', `terminal ${terminalId} has been revoked`);
  const tsMs = Number(ts);
  if (!Number.isSafeInteger(tsMs) || Math.abs(nowMs - tsMs) > SIGNATURE_WINDOW_MS)
    throw new ApiError('stale_timestamp', 'request timestamp is more than 5 minutes from the server clock');
  const digest = createHash('sha256').update(req.rawBody).digest('hex');
  const ok = verify(
    null,
    Buffer.from(signingString(req.method, req.path, tsMs, nonce, digest)),
    terminalPublicKey(terminal.public_key_pem),
    Buffer.from(sig, 'base64'),
  );
  if (!ok) throw new ApiError('bad_signature', 'request signature does not verify');
  const inserted = await db
    .insertInto('request_nonce')
    .values({ terminal_id: terminalId, nonce, seen_ms: nowMs })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    throw new ApiError('replayed_nonce', 'this request nonce was already used');
  await noteClockSkew(db, terminal.id, req.headers[LOCAL_TIME_HEADER], tsMs, nowMs);
  return { id: terminal.id, stall_id: terminal.stall_id };
}

/** Nonces older than the window can no longer be replayed (the timestamp check refuses them). */
export async function pruneNonces(db: ServerDb, nowMs: number): Promise<void> {
  await db
    .deleteFrom('request_nonce')
    .where('seen_ms', '<', nowMs - 2 * SIGNATURE_WINDOW_MS)
    .execute();
}
