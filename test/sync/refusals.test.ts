// Every refusal of the terminal API, each with its own code, and nothing stored when refused:
// bad signature, stale timestamp, replayed nonce, revoked terminal, altered entry, gap, fork,
// and a terminal speaking for another terminal's id.
import Database from 'better-sqlite3';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADERS } from '../../shared/api/headers';
import { signingString } from '../../shared/sync/signing';
import { chainHash, journalAfter } from '../../src-main/journal/journal';
import { completeSale } from '../../src-main/sales/complete-sale';
import { signRequest } from '../../src-main/sync/signer';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { enrolTill, type EnrolledTill } from '../helpers/enrolled-till';
import { tempDir } from '../helpers/temp';
import { writeServerDb } from '../helpers/server-db';

const PATH = '/api/v1/terminal/journal';
let server: RunningServer;
let serverDir: string;
let a: EnrolledTill;
let b: EnrolledTill;

async function pairingCode(): Promise<string> {
  // A second terminal for stall S01, created the way staff would (direct insert of a fresh pairing code is the server's job: use its function).
  const { openServerDb } = await import('../../src-server/db/database');
  const { createTerminal } = await import('../../src-server/terminals/terminals');
  const { db } = openServerDb({ dataDir: serverDir });
  const t = await createTerminal(db, 'S01', '2号收银台', Date.now());
  await db.destroy();
  return t.pairing_code;
}

beforeAll(async () => {
  serverDir = tempDir('refusals');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  a = await enrolTill(
    server.url,
    (JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as { pairing_code: string })
      .pairing_code,
  );
  b = await enrolTill(server.url, await pairingCode());
  for (const t of [a, b])
    for (let i = 0; i < 3; i++)
      completeSale(
        t.db,
        t.who,
        t.cashier,
        {
          lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 1 + i }, discount_fen: 0 }],
          sale_discount_fen: 0,
          tenders: [{ kind: 'cash', tendered_fen: 10_000 }],
        },
        Date.now(),
      );
}, 60_000);
afterAll(() => server.close());

function post(headers: Record<string, string>, body: string) {
  return fetch(server.url + PATH, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
}
async function push(t: EnrolledTill, entries: unknown[], opts: { at?: number; as?: string } = {}) {
  const body = JSON.stringify({ entries });
  const res = await post(
    signRequest(t.key, opts.as ?? t.who.terminal_id, 'POST', PATH, body, opts.at ?? Date.now()),
    body,
  );
  return { status: res.status, body: (await res.json()) as { acked_seq?: number; error?: { code: string } } };
}
function storedCount(terminalId: string): number {
  const db = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
  try {
    return (
      db.prepare('SELECT COUNT(*) AS n FROM journal_entry WHERE terminal_id = ?').get(terminalId) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}
const entries = (t: EnrolledTill) => journalAfter(t.db, 0, 100);

describe('terminal API refusals', () => {
  it('accepts a good push, and answers the highest contiguous seq', async () => {
    const r = await push(a, entries(a).slice(0, 2));
    expect(r).toEqual({ status: 200, body: { acked_seq: 2, applied: 2, duplicates: 0 } });
  });

  it('bad signature', async () => {
    const body = JSON.stringify({ entries: entries(a).slice(2) });
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const r = await post(signRequest(stranger, a.who.terminal_id, 'POST', PATH, body, Date.now()), body);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
    // A body changed after signing is the same refusal.
    const headers = signRequest(a.key, a.who.terminal_id, 'POST', PATH, body, Date.now());
    const r2 = await post(headers, body.replace('"seq":3', '"seq":3 '));
    expect(((await r2.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
  });

  it('stale timestamp (more than 5 minutes off)', async () => {
    expect((await push(a, entries(a).slice(2), { at: Date.now() - 6 * 60_000 })).body.error?.code).toBe(
      'stale_timestamp',
    );
    expect((await push(a, entries(a).slice(2), { at: Date.now() + 6 * 60_000 })).body.error?.code).toBe(
      'stale_timestamp',
    );
  });

  it('replayed nonce', async () => {
    const body = JSON.stringify({ entries: entries(a).slice(0, 1) });
    const headers = signRequest(a.key, a.who.terminal_id, 'POST', PATH, body, Date.now());
    expect((await post(headers, body)).status).toBe(200);
    const again = await post(headers, body);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('replayed_nonce');
  });

  it('altered entry', async () => {
    const e = entries(a)[2]!;
    const altered = { ...e, payload: e.payload.replace('"total_fen":', '"total_fen":9') };
    expect((await push(a, [altered])).body.error?.code).toBe('journal_altered');
    expect(storedCount(a.who.terminal_id)).toBe(2);
  });

  it('gap', async () => {
    expect((await push(a, entries(a).slice(3))).body.error?.code).toBe('journal_gap');
    expect(storedCount(a.who.terminal_id)).toBe(2);
  });

  it('fork: a different history for seqs already stored', async () => {
    // Terminal B's own chain, presented as A's: entry 1 differs from A's stored entry 1.
    expect((await push(a, entries(b).slice(0, 3))).body.error?.code).toBe('journal_fork');
    // A rewritten entry 3 that chains correctly from a different entry 2 is a fork too.
    const [e1, e2, e3] = entries(a);
    const e2x = { ...e2!, payload: e2!.payload.replace('"cashier_id"', '"cashier_id_x"') };
    const e2f = { ...e2x, hash: chainHash(e1!.hash, e2x) };
    const e3f = { ...e3!, prev_hash: e2f.hash, hash: chainHash(e2f.hash, e3!) };
    expect((await push(a, [e2f, e3f])).body.error?.code).toBe('journal_fork');
    expect(storedCount(a.who.terminal_id)).toBe(2);
  });

  it("an entry from another terminal's id: B cannot speak for A", async () => {
    const r = await push(b, entries(b), { as: a.who.terminal_id });
    expect(r.body.error?.code).toBe('bad_signature');
    expect(storedCount(a.who.terminal_id)).toBe(2);
    expect(storedCount(b.who.terminal_id)).toBe(0);
  });

  it('refusals of the journal are flagged for staff', () => {
    const db = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
    const kinds = (
      db
        .prepare('SELECT DISTINCT kind FROM sync_flag WHERE terminal_id = ? ORDER BY kind')
        .all(a.who.terminal_id) as { kind: string }[]
    ).map((r) => r.kind);
    db.close();
    expect(kinds).toEqual(['journal_altered', 'journal_fork', 'journal_gap']);
  });

  it('revoked terminal: refused at the very next request', async () => {
    await writeServerDb(serverDir, (db) =>
      db.prepare("UPDATE terminal SET status = 'revoked' WHERE id = ?").run(a.who.terminal_id),
    );
    const r = await push(a, entries(a).slice(2));
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'terminal_revoked' } } });
    expect(storedCount(a.who.terminal_id)).toBe(2);
  });

  it('a request without the signature headers is refused', async () => {
    const body = JSON.stringify({ entries: [] });
    const ts = Date.now();
    const headers = {
      [SIGNATURE_HEADERS.terminal]: b.who.terminal_id,
      [SIGNATURE_HEADERS.timestamp]: String(ts),
      [SIGNATURE_HEADERS.nonce]: 'n1',
    };
    expect((await post(headers, body)).status).toBe(401);
    const sig = sign(
      null,
      Buffer.from(signingString('POST', PATH, ts, 'n1', createHash('sha256').update(body).digest('hex'))),
      b.key,
    ).toString('base64');
    // Signed but invalid body (no entries): the envelope is checked after the signature.
    expect((await post({ ...headers, [SIGNATURE_HEADERS.signature]: sig }, body)).status).toBe(400);
  });
});
