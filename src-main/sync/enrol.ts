/**
 * Enrolment: a one-time pairing code from staff registers this terminal's public key, then the first
 * configuration pull makes it a till. Both steps survive a cut connection and a killed process: the
 * key is saved before the first request (signer.ts), and what the enrolment got to (server, code,
 * terminal id once answered) is kept in the till's database until the configuration is in. A retry
 * sends the same code with the same key, which the server answers as the first time; a till with
 * its terminal id only pulls the configuration again (no code needed).
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { api } from '../../shared/api';
import { enrolRequestSchema } from '../../shared/sync/config';
import { replaceBuyers } from '../buyers/buyer-store';
import { replaceCashiers } from '../cashiers/cashier-store';
import { replaceCatalog } from '../catalog/catalog-store';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { stmt, tx } from '../store/sql';
import { saveTillSettings } from '../store/till-settings';
import { saveIdentityFromConfig, type TerminalIdentity } from './identity';
import { callServer, ServerError } from './server-client';
import { loadOrCreateKey } from './signer';

const pendingSchema = z.object({
  server_url: z.string(),
  pairing_code: z.string(),
  /** the server's answer to the code, once it arrived */
  terminal_id: z.string().nullable(),
  started_ms: z.number().int(),
});
export type PendingEnrolment = z.output<typeof pendingSchema>;

const PENDING_KEY = 'pending_enrolment';

export function loadPendingEnrolment(db: Db): PendingEnrolment | null {
  const raw = getSetting(db, PENDING_KEY);
  return raw === null ? null : pendingSchema.parse(JSON.parse(raw));
}
const savePending = (db: Db, p: PendingEnrolment): void => setSetting(db, PENDING_KEY, JSON.stringify(p));
const clearPending = (db: Db): void => void stmt(db, 'DELETE FROM setting WHERE key = ?').run(PENDING_KEY);

export interface EnrolRetry {
  /** tries of the whole sequence before giving up for this start (what it got to is kept) */
  attempts: number;
  /** wait before the n-th retry: n × this */
  backoff_ms: number;
}
const DEFAULT_RETRY: EnrolRetry = { attempts: 6, backoff_ms: 2_000 };

/** Worth another try: no answer, or the server failing or busy. A refusal is not. */
const transient = (err: unknown): boolean =>
  !(err instanceof ServerError) || err.status >= 500 || err.status === 429;

/**
 * Enrols this data folder, or finishes the enrolment it began: `pairingCode` starts one (a code other
 * than the one kept starts afresh), without it the kept one is finished.
 */
export async function enrol(
  db: Db,
  dataDir: string,
  serverUrl: string | undefined,
  pairingCode: string | undefined,
  retry: EnrolRetry = DEFAULT_RETRY,
): Promise<TerminalIdentity> {
  const { privateKey, publicKeyPem } = loadOrCreateKey(dataDir);
  const kept = loadPendingEnrolment(db);
  let p: PendingEnrolment | null =
    pairingCode && pairingCode !== kept?.pairing_code
      ? serverUrl
        ? { server_url: serverUrl, pairing_code: pairingCode, terminal_id: null, started_ms: Date.now() }
        : null
      : kept && { ...kept, server_url: serverUrl ?? kept.server_url };
  if (!p) throw new Error('this terminal is not enrolled: start it with --server URL --pair CODE');
  savePending(db, p);
  for (let attempt = 1; ; attempt++) {
    try {
      let terminalId: string | null = p.terminal_id;
      if (terminalId === null) {
        const body = enrolRequestSchema.parse({ pairing_code: p.pairing_code, public_key_pem: publicKeyPem });
        ({ terminal_id: terminalId } = await callServer(
          { url: p.server_url, auth: null },
          api.terminalEnrol,
          {
            body,
          },
        ));
        p = { ...p, terminal_id: terminalId };
        savePending(db, p);
      }
      const who = await pullConfig(db, p.server_url, { key: privateKey, terminalId });
      clearPending(db);
      return who;
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      if (!transient(err)) {
        // The code is dead or the enrolment cancelled: only a new code helps (the key stays).
        clearPending(db);
        throw new Error(`enrolment refused: ${why}`, { cause: err });
      }
      if (attempt >= retry.attempts)
        throw new Error(
          `enrolment not finished (${why}); this till keeps its key and where it got to — start it again ` +
            (p.terminal_id === null ? 'with the same code before it expires' : '(no code needed)'),
          { cause: err },
        );
      console.warn(`[enrol] attempt ${attempt} failed (${why}); retrying`);
      await new Promise((r) => setTimeout(r, retry.backoff_ms * attempt));
    }
  }
}

export async function pullConfig(
  db: Db,
  serverUrl: string,
  auth: { key: KeyObject; terminalId: string },
): Promise<TerminalIdentity> {
  const config = await callServer({ url: serverUrl, auth }, api.terminalConfig, {});
  tx(db, () => {
    replaceCatalog(db, config.products);
    if (config.cashiers.length > 0) replaceCashiers(db, config.cashiers);
    replaceBuyers(db, config.buyers);
    saveTillSettings(db, config.settings);
  });
  return saveIdentityFromConfig(db, serverUrl, config);
}
