/**
 * Reconciliation against the simulator itself: real orders paid at SimPay,
 * its real daily bill (applied for with a signed request, downloaded,
 * SHA-1 checked) with the injected differences (amount +1 fen, a row from
 * after midnight, a refund still PROCESSING) and a lost notification (our
 * order still paying while the institution has it paid); each kind is
 * classified, the safe ones resolve through real queries, staff close the
 * rest, and the day's books balance.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import type { ServerDb } from '../../src-server/db/database';
import { unbalancedEntries } from '../../src-server/ledger/queries';
import { loadSimSettings } from '../../src-server/payments/config';
import { contextFrom, type PaymentsContext } from '../../src-server/payments/context';
import { pdb } from '../../src-server/payments/schema';
import { SimInstitution } from '../../src-server/payments/sim-adapter';
import { actOnItem } from '../../src-server/recon/actions';
import { institutionReconPorts } from '../../src-server/recon/institution-ports';
import { dayStatus, runRecon } from '../../src-server/recon/run';
import { rdb } from '../../src-server/recon/schema';
import { TerminalEventHub } from '../../src-server/terminals/event-hub';
import { codepayBody, outNo } from '../../src-sim/testing/bodies';
import { startHarness, type Harness } from '../../src-sim/testing/harness';
import { freshDb, type FreshDb } from '../server/helpers/dialects';

const H = 3_600_000;
let h: Harness;
let f: FreshDb;
let payments: PaymentsContext;
let sub = '';
let day = '';
const simNow = async () => (await h.control<{ now_ms: number }>('GET', '/clock')).now_ms;

async function pay(amount: number): Promise<{ no: string; at: number }> {
  const b = await h.buyer('WECHAT', 10_000_000);
  const body = codepayBody(h, sub, amount, await h.code(b));
  const r = await h.api.call('POST', '/v3/pay/partner/transactions/codepay', body);
  expect(r.status).toBe(200);
  return { no: String(body.out_trade_no), at: await simNow() };
}

async function order(db: ServerDb, no: string, amount: number, atMs: number, state: 'succeeded' | 'paying') {
  await pdb(db)
    .insertInto('payment_order')
    .values({
      out_trade_no: no,
      institution: 'simpay',
      sub_mchid: sub,
      stall_id: 'S1',
      terminal_id: 'T1',
      sale_id: `sale-${no}`,
      tender_no: 1,
      kind: 'code',
      amount_fen: amount,
      state,
      transaction_id: null,
      channel: null,
      business_day: day.replaceAll('-', ''),
      pay_url: null,
      created_ms: atMs - 1000,
      updated_ms: atMs,
      paid_ms: state === 'succeeded' ? atMs : null,
      deadline_ms: null,
      next_check_ms: null,
      lease_until_ms: null,
      market_fee_fen: null,
      channel_fee_fen: null,
      last_error: null,
    })
    .execute();
}

describe('reconciliation against the simulator’s bill', () => {
  beforeAll(async () => {
    h = await startHarness();
    f = await freshDb('sqlite');
    sub = await h.merchant();
    const t0 = await simNow();
    day = new Date(t0 + 8 * H).toISOString().slice(0, 10);
    await f.db
      .insertInto('market')
      .values({ id: 'M1', name: '市场', time_zone: 'Asia/Shanghai', day_cutoff_hour: 0 })
      .execute();
    await f.db
      .insertInto('stall')
      .values({ id: 'S1', market_id: 'M1', name: '摊位', sub_mchid: sub, settlement_account: null })
      .execute();
    const a = await pay(5_000); // the bill will say 50.01 (bill_amount_delta)
    const b = await pay(300); // lost notification: still paying here
    const c = await pay(1_234);
    await pay(800); // long: we never recorded it
    const refundNo = outNo('R');
    const rr = await h.api.call('POST', '/v3/refund/domestic/refunds', {
      sub_mchid: sub,
      out_trade_no: c.no,
      out_refund_no: refundNo,
      amount: { refund: 234, total: 1_234, currency: 'CNY' },
    });
    expect(rr.status).toBe(200);
    await h.advance(60_000);
    const refundAt = await simNow();
    const nextMidnight = Date.parse(`${day}T00:00:00+08:00`) + 24 * H;
    await h.advance(nextMidnight + 2 * H - (await simNow()));
    const g = await pay(777); // 02:00 the next day: the bill of `day` carries it (bill_cross_midnight)
    await h.advance(nextMidnight + 10 * H - (await simNow()));
    for (const kind of ['bill_amount_delta', 'bill_cross_midnight', 'bill_refund_processing'])
      await h.control('POST', '/faults', { kind, count: 1, delta_fen: 1 });
    await order(f.db, a.no, 5_000, a.at, 'succeeded');
    await order(f.db, b.no, 300, b.at, 'paying');
    await order(f.db, c.no, 1_234, c.at, 'succeeded');
    await order(f.db, g.no, 777, g.at, 'succeeded');
    await order(f.db, 'CSHORT0001', 450, c.at + 60_000, 'succeeded');
    await pdb(f.db)
      .insertInto('payment_refund')
      .values({
        out_refund_no: refundNo,
        out_trade_no: c.no,
        refund_id: String(rr.body.refund_id),
        amount_fen: 234,
        return_fen: 0,
        state: 'succeeded',
        created_ms: refundAt - 60_000,
        updated_ms: refundAt,
        last_error: null,
      })
      .execute();
    const settings = loadSimSettings(h.dir);
    payments = contextFrom(
      [new SimInstitution(settings)],
      { institutions: [settings] },
      'http://127.0.0.1:1',
      new TerminalEventHub(),
    );
  });
  afterAll(async () => {
    await h?.close();
    await f?.drop();
  });

  it('classifies each injected difference, resolves the safe ones against the institution, and closes with every fen explained', async () => {
    const ports = institutionReconPorts(f.db, payments, loadSimSettings(h.dir));
    const run = await runRecon(f.db, ports, day, 'schedule', Date.now);
    expect(run).toMatchObject({ state: 'done', error: null });
    const items = await rdb(f.db).selectFrom('recon_item').selectAll().execute();
    const summary = items
      .map((i) => [
        i.kind,
        i.cause,
        i.status,
        i.resolution ?? i.suggestion,
        i.inst_amount_fen,
        i.plat_amount_fen,
      ])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])) || Number(x[4]) - Number(y[4]));
    expect(summary).toEqual([
      ['amount', 'unknown', 'open', 'suspense', 5_001, 5_000],
      ['cross_midnight', 'cross_midnight', 'resolved', 'redated', 777, 777],
      ['long', 'unknown', 'open', 'bu_dan', 800, null],
      ['short', 'unknown', 'open', 'suspense', null, 450],
      ['status', 'refund_snapshot', 'resolved', 'requeried', 234, 234],
      ['status', 'lost_notification', 'resolved', 'marked_paid', 300, 300],
    ]);
    const run1 = await rdb(f.db).selectFrom('recon_run').selectAll().executeTakeFirstOrThrow();
    expect([run1.rows, run1.matched, run1.sha1?.length]).toEqual([6, 1, 40]);
    for (const i of items.filter((x) => x.status === 'open')) {
      if (i.kind === 'short')
        await actOnItem(f.db, ports, i.id, 'explain', 'U01', '买家当场改付现金', Date.now());
      else await actOnItem(f.db, ports, i.id, 'suspense', 'U01', '待查', Date.now());
    }
    expect((await dayStatus(f.db, day)).reconciled).toBe(true);
    expect(await unbalancedEntries(f.db)).toEqual([]);
  });
});
