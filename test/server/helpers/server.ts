/**
 * A server app on a fresh database of one dialect, with the demo market and
 * one staff login per role, driven in-process through Fastify's inject (the
 * same routing, validation and error handling as over a socket).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../src-server/app';
import type { Dialect, ServerDb } from '../../../src-server/db/database';
import type { ReconPorts } from '../../../src-server/recon/ports';
import { seedDemo } from '../../../src-server/demo/seed';
import { hashPassword } from '../../../src-server/staff/password';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../shared/api/headers';
import { createSession } from '../../../src-server/staff/sessions';
import { createServices, type ServerServices } from '../../../src-server/services';
import { freshDb, type FreshDb } from './dialects';

export type Who = 'anon' | 'admin' | 'finance' | 'owner1' | 'owner2';
export interface Session {
  cookie: string;
  csrf: string;
}
export interface Res {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}
export interface TestServer {
  fresh: FreshDb;
  app: FastifyInstance;
  /** The services the app's routes reach (services.ts). */
  services: ServerServices;
  sessions: Record<Exclude<Who, 'anon'>, Session>;
  pairing: { terminal_id: string; pairing_code: string };
  call(
    who: Who | Session,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Res>;
  login(username: string, password: string, ip?: string): Promise<Res>;
}

export const PASSWORDS = {
  finance: 'finance-pass-123',
  owner1: 'owner1-pass-123',
  owner2: 'owner2-pass-123',
} as const;

// scrypt is deliberately slow: hash each test password once per worker process.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (pw: string): Promise<string> => {
  let h = hashes.get(pw);
  if (!h) hashes.set(pw, (h = hashPassword(pw)));
  return h;
};

export interface TestServerOptions {
  now?: () => number;
  /** The reconciliation ports over the fresh database (an institution double); none unless given. */
  recon?: (db: ServerDb) => ReconPorts;
}

export async function startTestServer(dialect: Dialect, opts: TestServerOptions = {}): Promise<TestServer> {
  const fresh = await freshDb(dialect);
  const pairing = await seedDemo(fresh.db, Date.now());
  if (!pairing) throw new Error('seed did not run');
  const users = [
    { id: 'U02', username: 'finance', role: 'finance' as const, stall_id: null, password: PASSWORDS.finance },
    {
      id: 'U03',
      username: 'owner1',
      role: 'stall_owner' as const,
      stall_id: 'S01',
      password: PASSWORDS.owner1,
    },
    {
      id: 'U04',
      username: 'owner2',
      role: 'stall_owner' as const,
      stall_id: 'S02',
      password: PASSWORDS.owner2,
    },
  ];
  for (const u of users)
    await fresh.db
      .insertInto('staff_user')
      .values({
        id: u.id,
        username: u.username,
        role: u.role,
        stall_id: u.stall_id,
        password_hash: await hashOnce(u.password),
      })
      .execute();
  const services = createServices({ recon: opts.recon?.(fresh.db) });
  const app = buildApp({ db: fresh.db, services, now: opts.now });
  await app.ready();

  const login = async (username: string, password: string, ip = '127.0.0.1'): Promise<Res> => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      payload: { username, password },
      remoteAddress: ip,
    });
    return { status: r.statusCode, body: r.json(), headers: r.headers };
  };
  // Sessions made directly (the login route itself is tested on its own, with real passwords).
  const sessionOf = async (staffId: string): Promise<Session> => {
    const s = await createSession(fresh.db, staffId, Date.now());
    return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrf_token };
  };
  const sessions = {
    admin: await sessionOf('U01'),
    finance: await sessionOf('U02'),
    owner1: await sessionOf('U03'),
    owner2: await sessionOf('U04'),
  };
  const call: TestServer['call'] = async (who, method, url, body, headers = {}) => {
    const s = who === 'anon' ? null : typeof who === 'string' ? sessions[who] : who;
    const h: Record<string, string> = { ...headers };
    if (s) {
      h.cookie = s.cookie;
      if (method !== 'GET') h[CSRF_HEADER] ??= s.csrf;
    }
    const r = await app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    let parsed: unknown = null;
    try {
      parsed = r.json();
    } catch {
      parsed = r.body;
    }
    return { status: r.statusCode, body: parsed, headers: r.headers };
  };
  return { fresh, app, services, sessions, pairing, call, login };
}

/** beforeAll/afterAll around a test server; the getter is valid inside tests. */
export function useTestServer(dialect: Dialect, opts: TestServerOptions = {}): () => TestServer {
  let s: TestServer | null = null;
  beforeAll(async () => {
    s = await startTestServer(dialect, opts);
  });
  afterAll(async () => {
    await s?.app.close();
    await s?.fresh.drop();
  });
  return () => {
    if (!s) throw new Error('test server not started');
    return s;
  };
}
