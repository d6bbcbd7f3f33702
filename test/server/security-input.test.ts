// Hostile input: SQL injection strings in every string field of every route's example body and in every
// path parameter change nothing and never crash the server (login throttling: login-throttle.test.ts).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from './helpers/dialects';
import { operations, stringLeaves, urlFor } from './helpers/openapi';
import { PASSWORDS, useTestServer, type TestServer } from './helpers/server';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE stall; --",
  "S01' --",
  '1; DELETE FROM staff_user',
  "'); SELECT pg_sleep(1); --",
];

async function tables(s: TestServer): Promise<string[]> {
  const q =
    s.fresh.dialect === 'postgres'
      ? sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' order by 1`;
  return (await q.execute(s.fresh.db)).rows.map((r) => r.name);
}

async function snapshot(s: TestServer): Promise<string> {
  const db = s.fresh.db;
  return JSON.stringify({
    stalls: await db
      .selectFrom('stall')
      .select(['id', 'name', 'sub_mchid', 'settlement_account'])
      .where('id', 'in', ['S01', 'S02', 'S03'])
      .orderBy('id')
      .execute(),
    staff: await db
      .selectFrom('staff_user')
      .select(['id', 'username', 'password_hash', 'role', 'stall_id'])
      .where('id', 'in', ['U01', 'U02', 'U03', 'U04'])
      .orderBy('id')
      .execute(),
    products: await db
      .selectFrom('product')
      .select(['id', 'name', 'unit_price_fen'])
      .where('stall_id', '=', 'S02')
      .orderBy('id')
      .execute(),
    market: await db.selectFrom('market').selectAll().execute(),
  });
}

describeEachDialect('hostile input', (dialect) => {
  const s = useTestServer(dialect);

  it('SQL injection strings in every string field and path parameter change nothing', async () => {
    const ops = operations((await s().call('anon', 'GET', '/openapi.json')).body).filter(
      (o) => !o.terminal && o.operationId !== 'staffLogout' && o.operationId !== 'marketPut',
    );
    // Body strings go to sacrificial rows: storing them literally is the expected outcome there.
    const victim = (await s().call('admin', 'POST', '/api/v1/admin/stalls', { name: 'victim' })).body as {
      id: string;
    };
    const vp = (
      await s().call('admin', 'POST', `/api/v1/admin/stalls/${victim.id}/products`, {
        code: 'X1',
        name: 'victim',
        unit: 'kg',
        unit_price_fen: 1,
      })
    ).body as { id: string };
    const vs = (
      await s().call('admin', 'POST', '/api/v1/admin/staff', {
        username: 'victim',
        password: 'victim password',
        role: 'finance',
      })
    ).body as { id: string };
    const beforeTables = await tables(s());
    const before = await snapshot(s());
    let calls = 0;
    for (const o of ops) {
      for (const inj of INJECTIONS) {
        // Every path parameter at once, and every query parameter.
        if (o.pathParams.length > 0 || o.queryParams.length > 0) {
          const values = Object.fromEntries(
            [...o.pathParams, ...o.queryParams.map((q) => q.name)].map((p) => [p, inj]),
          );
          const r = await s().call(
            'admin',
            o.method,
            urlFor(o, values),
            o.method === 'GET' ? undefined : (o.example ?? {}),
          );
          expect(r.status, `${o.method} ${o.path} params=${inj}`).toBeLessThan(500);
          calls++;
        }
        // Every string leaf of the example body, one at a time.
        for (const leaf of stringLeaves(o.example)) {
          const url = urlFor(o, {
            stall_id: victim.id,
            product_id: vp.id,
            staff_id: vs.id,
            buyer_id: 'none',
            terminal_id: 'none',
          });
          const r = await s().call('admin', o.method, url, leaf.replace(inj));
          expect(r.status, `${o.method} ${o.path} ${leaf.path}=${inj}`).toBeLessThan(500);
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(await tables(s())).toEqual(beforeTables);
    expect(await snapshot(s())).toEqual(before);
    // Strings that were accepted were stored literally, not interpreted.
    const stalls = await s().fresh.db.selectFrom('stall').select('name').execute();
    expect(stalls.map((x) => x.name)).toContain("'; DROP TABLE stall; --");
  });

  it('the session cookie is httpOnly and SameSite=Strict, and logout ends it', async () => {
    const r = await s().login('finance', PASSWORDS.finance, '10.7.7.7');
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const session = {
      cookie: setCookie.split(';')[0] ?? '',
      csrf: (r.body as { csrf_token: string }).csrf_token,
    };
    expect((await s().call(session, 'GET', '/api/v1/admin/session')).status).toBe(200);
    expect((await s().call(session, 'POST', '/api/v1/admin/logout')).status).toBe(200);
    expect((await s().call(session, 'GET', '/api/v1/admin/session')).status).toBe(401);
  });
});
