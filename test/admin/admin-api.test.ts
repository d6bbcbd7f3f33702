/**
 * The staff web's API on SQLite (the route layer is dialect-neutral; the
 * queries run on PostgreSQL in recon-run.test.ts's tables too): roles and
 * CSRF as every admin route, the dashboard, end of day with confirmation,
 * settlement beside the institution's bill, CSV exports, the built app served.
 */
import { expect, it } from 'vitest';
import { rdb } from '../../src-server/recon/schema';
import { describe } from 'vitest';
import { useTestServer } from '../server/helpers/server';

const DAY = '20261120';

describe('staff web API', () => {
  const s = useTestServer('sqlite');

  it('is for market staff only, and changes need the CSRF token', async () => {
    expect((await s().call('anon', 'GET', `/api/v1/admin/dashboard?business_day=${DAY}`)).status).toBe(401);
    expect((await s().call('owner1', 'GET', `/api/v1/admin/dashboard?business_day=${DAY}`)).status).toBe(403);
    const noCsrf = await s().call(
      { cookie: s().sessions.finance.cookie, csrf: 'wrong' },
      'POST',
      `/api/v1/admin/days/${DAY}/confirm`,
      { stall_id: 'S01', note: '' },
    );
    expect(noCsrf.status).toBe(403);
  });

  it('dashboard: every stall, 24 hours, the enrolable terminal offline', async () => {
    const r = await s().call('finance', 'GET', `/api/v1/admin/dashboard?business_day=${DAY}`);
    expect(r.status).toBe(200);
    const b = r.body as {
      stalls: unknown[];
      hourly: unknown[];
      terminals: { online: boolean; status: string }[];
      unpaid_qr: { count: number };
    };
    expect([b.stalls.length, b.hourly.length, b.terminals.map((t) => [t.status, t.online])]).toEqual([
      3,
      24,
      [['pending', false]],
    ]);
  });

  it('end of day: a stall without sales confirms without a note, once; the confirmation is audited', async () => {
    const day = await s().call('admin', 'GET', `/api/v1/admin/days/${DAY}`);
    expect((day.body as { stalls: { confirmation: unknown }[] }).stalls.map((x) => x.confirmation)).toEqual([
      null,
      null,
      null,
    ]);
    const c = await s().call('admin', 'POST', `/api/v1/admin/days/${DAY}/confirm`, {
      stall_id: 'S02',
      note: '',
    });
    expect([c.status, (c.body as { confirmed_by: string }).confirmed_by]).toEqual([201, 'U01']);
    expect(
      (await s().call('admin', 'POST', `/api/v1/admin/days/${DAY}/confirm`, { stall_id: 'S02', note: '' }))
        .status,
    ).toBe(409);
    const audit = await s()
      .fresh.db.selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', '=', 'adminDayConfirm')
      .execute();
    expect(audit).toEqual([{ action: 'adminDayConfirm', target: `${DAY}/S02` }]);
  });

  it('settlement shows the institution’s bill totals beside ours; CSV has a BOM, 元 and no formula injection', async () => {
    await s()
      .fresh.db.updateTable('stall')
      .set({ sub_mchid: '1900000109' })
      .where('id', '=', 'S01')
      .execute();
    await rdb(s().fresh.db)
      .insertInto('recon_merchant_day')
      .values({
        bill_date: '2026-11-20',
        sub_mchid: '1900000109',
        pays: 2,
        gross_fen: 12_345,
        refunds: 0,
        refund_fen: 0,
        fee_fen: 74,
      })
      .execute();
    const r = await s().call('finance', 'GET', `/api/v1/admin/settlement/${DAY}`);
    const s01 = (
      r.body as {
        merchants: {
          stall_id: string;
          gross_fen: number;
          inst_gross_fen: number | null;
          inst_net_fen: number | null;
        }[];
      }
    ).merchants.find((m) => m.stall_id === 'S01');
    expect(s01).toMatchObject({ gross_fen: 0, inst_gross_fen: 12_345, inst_net_fen: 12_271 });
    const csv = await s().call('finance', 'GET', `/api/v1/admin/export/settlement?from=${DAY}&to=${DAY}`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const text = String(csv.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('inst_gross_yuan');
    expect(text).toContain('123.45');
    expect(
      (await s().call('finance', 'GET', `/api/v1/admin/export/passwords?from=${DAY}&to=${DAY}`)).status,
    ).toBe(400);
  });
});
