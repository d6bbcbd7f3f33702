// Security, driven by our own OpenAPI document: anonymous callers are refused everywhere, a stall owner
// cannot reach another stall's data through any route, CSRF is enforced on every state-changing call.
import { expect, it, beforeAll } from 'vitest';
import { postEntryTx } from '../../src-server/ledger/post';
import { createTerminal } from '../../src-server/terminals/terminals';
import { describeEachDialect } from './helpers/dialects';
import { operations, urlFor, type Op } from './helpers/openapi';
import { useTestServer } from './helpers/server';

const DAY = '20260315';

describeEachDialect('security', (dialect) => {
  const s = useTestServer(dialect);
  let ops: Op[] = [];
  const other: Record<string, string> = {
    stall_id: 'S02',
    product_id: 'S02-F001',
    staff_id: 'U04',
    business_day: DAY,
  };
  let markers: string[] = [];

  beforeAll(async () => {
    ops = operations((await s().call('anon', 'GET', '/openapi.json')).body);
    const { db } = s().fresh;
    const t = await createTerminal(db, 'S02', 'S02 till', Date.now());
    other.terminal_id = t.terminal_id;
    const b = await s().call('owner2', 'POST', '/api/v1/admin/stalls/S02/buyers', {
      name: '王老板酒楼',
      credit_limit_fen: 100000,
    });
    other.buyer_id = (b.body as { id: string }).id;
    const c = await s().call('owner2', 'POST', '/api/v1/admin/stalls/S02/cashiers', {
      name: '李收银',
      role: 'cashier',
      pin: '1357',
    });
    other.cashier_id = (c.body as { id: string }).id;
    await db
      .insertInto('sale')
      .values({
        id: 'SALE-S02',
        terminal_id: t.terminal_id,
        stall_id: 'S02',
        receipt_no: `${t.terminal_id}-${DAY}-0001`,
        business_day: DAY,
        total_fen: 4500,
        cashier: 'c',
        at_ms: 1,
        received_ms: 1,
      })
      .execute();
    await postEntryTx(
      db,
      {
        idem_key: 'sale:SALE-S02:1',
        txn_type: 'sale_credit',
        business_day: DAY,
        stall_id: 'S02',
        buyer_id: other.buyer_id,
        amount_fen: 4500,
      },
      Date.now(),
    );
    markers = ['S02', '李记水果行', '王老板酒楼', '李收银', t.terminal_id, other.buyer_id, other.cashier_id];
  });

  it('the document lists staff routes, each with its roles', () => {
    const staffOps = ops.filter((o) => o.staff);
    expect(staffOps.length).toBeGreaterThan(25);
    for (const o of staffOps) expect(o.roles.length, o.operationId).toBeGreaterThan(0);
  });

  it('refuses an anonymous caller on every staff and terminal route, before validating anything', async () => {
    for (const o of ops.filter((x) => x.staff || x.terminal)) {
      const r = await s().call(
        'anon',
        o.method,
        urlFor(o, {}),
        o.method === 'GET' ? undefined : (o.example ?? {}),
      );
      expect(r.status, `${o.method} ${o.path}`).toBe(401);
      expect((r.body as { error: { code: string } }).error.code).toMatch(/^unauthenticated$/);
    }
  });

  it('a stale or forged session cookie is refused too', async () => {
    const o = ops.find((x) => x.operationId === 'stallList')!;
    expect((await s().call({ cookie: 'mt_session=forged', csrf: 'x' }, 'GET', urlFor(o, {}))).status).toBe(
      401,
    );
  });

  it('a stall owner reaches no other stall’s data through any route', async () => {
    for (const o of ops.filter((x) => x.staff && x.operationId !== 'staffLogout')) {
      const r = await s().call(
        'owner1',
        o.method,
        urlFor(o, other),
        o.method === 'GET' ? undefined : (o.example ?? {}),
      );
      const label = `${o.method} ${o.path} → ${r.status}`;
      if (o.scoped.length > 0 || !o.roles.includes('stall_owner')) {
        expect([403], label).toContain(r.status);
        continue;
      }
      expect(r.status, label).toBeLessThan(500);
      const text = JSON.stringify(r.body);
      for (const m of markers) expect(text, `${label} leaks ${m}`).not.toContain(m);
    }
  });

  it('the same calls as market staff do see that data (the isolation test would notice a broken filter)', async () => {
    const totals = await s().call('finance', 'GET', `/api/v1/admin/totals/daily?business_day=${DAY}`);
    expect(JSON.stringify(totals.body)).toContain('S02');
    const buyers = await s().call('finance', 'GET', '/api/v1/admin/stalls/S02/buyers');
    expect(buyers.body).toMatchObject({ buyers: [{ name: '王老板酒楼', owed_fen: 4500 }] });
  });

  it('enforces CSRF on every state-changing staff route: missing, wrong, or cross-origin', async () => {
    const before = await s()
      .fresh.db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const o of ops.filter((x) => x.staff && x.method !== 'GET')) {
      const url = urlFor(o, {
        stall_id: 'S01',
        terminal_id: other.terminal_id ?? 'X',
        buyer_id: other.buyer_id ?? 'X',
        product_id: 'S01-V001',
        staff_id: 'U03',
      });
      const body = o.example ?? {};
      const variants: Record<string, string>[] = [
        { 'x-csrf-token': '' },
        { 'x-csrf-token': 'wrong' },
        { 'x-csrf-token': s().sessions.admin.csrf, origin: 'https://evil.example' },
      ];
      for (const headers of variants) {
        const r = await s().call('admin', o.method, url, body, headers);
        expect(r.status, `${o.method} ${o.path} ${JSON.stringify(headers)}`).toBe(403);
        expect((r.body as { error: { code: string } }).error.code).toBe('csrf_failed');
      }
    }
    const after = await s()
      .fresh.db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('roles: finance cannot manage staff, a stall owner cannot read the market-wide ledger', async () => {
    expect((await s().call('finance', 'GET', '/api/v1/admin/staff')).status).toBe(403);
    expect((await s().call('owner1', 'GET', '/api/v1/admin/ledger/balances')).status).toBe(403);
    expect((await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/ledger/balances')).status).toBe(200);
  });
});
