// Two server "processes" on one PostgreSQL database (two apps, two pools, two hubs): a till's stream is
// held by A, staff act through B, and the events still reach the till — fanned out with LISTEN/NOTIFY.
// PostgreSQL only: an embedded SQLite database has one server process by construction.
import type { FastifyInstance } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { SseParser, type SseMessage } from '../../shared/sync/terminal-events';
import { openServerStream, type ServerLink } from '../../src-main/sync/server-client';
import { buildApp } from '../../src-server/app';
import { openServerDb, type ServerDb } from '../../src-server/db/database';
import { seedDemo } from '../../src-server/demo/seed';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/api/headers';
import { createSession } from '../../src-server/staff/sessions';
import { createServices } from '../../src-server/services';
import { startPgFanout, type PgFanout } from '../../src-server/terminals/pg-fanout';
import { freshDb, type FreshDb } from './helpers/dialects';

let fresh: FreshDb;
let dbB: ServerDb;
let appA: FastifyInstance;
let appB: FastifyInstance;
const fanouts: PgFanout[] = [];
let link: ServerLink;
const errors: unknown[] = [];

beforeAll(async () => {
  fresh = await freshDb('postgres');
  const pairing = await seedDemo(fresh.db, Date.now());
  if (!pairing || !fresh.dbUrl) throw new Error('no demo');
  dbB = openServerDb({ dataDir: fresh.dataDir, dbUrl: fresh.dbUrl }).db;
  const servicesA = createServices();
  const servicesB = createServices();
  appA = buildApp({ db: fresh.db, services: servicesA });
  appB = buildApp({ db: dbB, services: servicesB });
  fanouts.push(await startPgFanout(servicesA.events, fresh.db, fresh.dbUrl, (e) => errors.push(e)));
  fanouts.push(await startPgFanout(servicesB.events, dbB, fresh.dbUrl, (e) => errors.push(e)));
  await appA.listen({ host: '127.0.0.1', port: 0 });
  const addr = appA.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const res = await fetch(`${url}/api/v1/terminals/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      pairing_code: pairing.pairing_code,
      public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }),
    }),
  });
  link = {
    url,
    auth: { key: privateKey, terminalId: ((await res.json()) as { terminal_id: string }).terminal_id },
  };
});

afterAll(async () => {
  for (const f of fanouts) await f.stop();
  await appA?.close();
  await appB?.close();
  await dbB?.destroy();
  await fresh?.drop();
});

async function staffOnB(method: 'PATCH' | 'POST', url: string, payload: object): Promise<number> {
  const s = await createSession(dbB, 'U01', Date.now());
  const r = await appB.inject({
    method,
    url,
    payload,
    headers: { cookie: `${SESSION_COOKIE}=${s.token}`, [CSRF_HEADER]: s.csrf_token },
  });
  return r.statusCode;
}

async function until(fn: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 3_000;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 10));
  }
}

describe('terminal events across server processes [postgres]', () => {
  it('a price change and a revocation made through B reach the stream held by A', async () => {
    const body = await openServerStream(link, api.terminalEvents, new AbortController().signal);
    const reader = body.getReader();
    const parser = new SseParser();
    const seen: SseMessage[] = [];
    const text = new TextDecoder();
    const ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        seen.push(...parser.push(text.decode(value, { stream: true })));
      }
    })();
    await until(() => seen.length > 0, 'hello');
    expect(await staffOnB('PATCH', '/api/v1/admin/products/S01-V001', { unit_price_fen: 140 })).toBe(200);
    await until(() => seen.length > 1, 'the config event from B');
    expect(seen[1]).toMatchObject({ event: 'config' });
    expect(await staffOnB('POST', `/api/v1/admin/terminals/${link.auth?.terminalId ?? ''}/revoke`, {})).toBe(
      200,
    );
    expect(await ended).toBe('ended');
    expect(seen.map((m) => m.event)).toEqual(['hello', 'config', 'revoked']);
    expect(errors).toEqual([]);
  });
});
