/**
 * Reconciliation end to end against the database, on SQLite and PostgreSQL:
 * our payment orders, a bill carrying each kind of difference the simulator
 * can inject (amount ±1 fen, cross-midnight row, refund still PROCESSING,
 * lost notification) plus a long and a short; the safe ones resolve
 * themselves through the payments code, staff work the rest, and the day
 * closes with every fen explained and the books balanced.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InstResult, RefundView, Transaction } from '../../src-server/payments/institution';
import { applyPaid } from '../../src-server/payments/orders';
import { TerminalEventHub } from '../../src-server/terminals/event-hub';
import { pdb } from '../../src-server/payments/schema';
import { unbalancedEntries } from '../../src-server/ledger/queries';
import { actOnItem } from '../../src-server/recon/actions';
import { billFromText } from '../../src-server/recon/bill-stream';
import { shanghaiMidnightMs } from '../../src-server/recon/days';
import type { ReconPorts } from '../../src-server/recon/ports';
import { dayStatus, runRecon } from '../../src-server/recon/run';
import { rdb } from '../../src-server/recon/schema';
import { billText, type GenPay } from '../../src-server/recon/testing/bill-writer';
import { describeEachDialect, freshDb, type FreshDb } from '../server/helpers/dialects';

const DAY = '2026-11-20';
const T0 = shanghaiMidnightMs(DAY);
const H = 3_600_000;
const SUB = '1900000109';
const at = (ms: number): string => new Date(ms + 8 * H).toISOString().slice(0, 19).replace('T', ' ');
const pay = (no: string, amount: number, ms: number): GenPay => ({
  at: at(ms),
  sub_mchid: SUB,
  transaction_id: `42${no}`,
  out_trade_no: no,
  amount_fen: amount,
  fee_fen: Math.floor((amount * 60 + 5000) / 10_000),
});

function ports(db: FreshDb['db'], paidThere: Map<string, number>): ReconPorts {
  const ok = <T>(value: T): InstResult<T> => ({ kind: 'ok', value });
  const bill = billText(
    [
      pay('QOK', 5000, T0 + 10 * H),
      pay('QAMT', 5001, T0 + 11 * H),
      pay('QNEXT', 777, T0 + 26 * H),
      pay('QLOST', 300, T0 + 13 * H),
      pay('QLONG', 800, T0 + 14 * H),
    ],
    [
      {
        at: at(T0 + 15 * H),
        sub_mchid: SUB,
        transaction_id: '42QOK',
        out_trade_no: 'QOK',
        out_refund_no: 'RP',
        refund_id: '50RP',
        state: 'PROCESSING',
        amount_fen: 1000,
        fee_back_fen: 6,
      },
    ],
  );
  return {
    fetchBill: async () =>
      ok({ sha1: createHash('sha1').update(bill).digest('hex'), body: billFromText(bill) }),
    queryTrade: async (_sub, no): Promise<InstResult<Transaction>> => {
      const amount = paidThere.get(no);
      return amount === undefined
        ? { kind: 'refused', status: 404, code: 'ORDER_NOT_EXIST', message: 'no such order' }
        : ok({
            out_trade_no: no,
            transaction_id: `42${no}`,
            trade_state: 'SUCCESS',
            amount_fen: amount,
            channel: 'WECHAT',
          });
    },
    queryRefund: async (_sub, no): Promise<InstResult<RefundView>> => {
      // A variable, not a literal: the payments side may add fields to RefundView (the fee returned).
      const view = {
        out_refund_no: no,
        refund_id: `50${no}`,
        status: 'SUCCESS' as const,
        amount_fen: 1000,
        refund_fee_fen: 6,
      };
      return ok<RefundView>(view);
    },
    markPaid: (no, tx, nowMs) =>
      applyPaid(
        db,
        { events: new TerminalEventHub(), split_delay_ms: 31_000 },
        no,
        { transaction_id: tx.transaction_id, amount_fen: tx.amount_fen, channel: tx.channel },
        nowMs,
      ),
  };
}

describeEachDialect('reconciliation of a bill day', (dialect) => {
  let f: FreshDb;
  beforeAll(async () => {
    f = await freshDb(dialect);
    await f.db
      .insertInto('market')
      .values({ id: 'M1', name: '新发地', time_zone: 'Asia/Shanghai', day_cutoff_hour: 0 })
      .execute();
    await f.db
      .insertInto('stall')
      .values({ id: 'S1', market_id: 'M1', name: '张记蔬菜', sub_mchid: SUB, settlement_account: null })
      .execute();
    const order = (no: string, amount: number, ms: number, state: 'succeeded' | 'paying') => ({
      out_trade_no: no,
      institution: 'simpay',
      sub_mchid: SUB,
      stall_id: 'S1',
      terminal_id: 'T1',
      sale_id: `sale-${no}`,
      tender_no: 1,
      kind: 'qr' as const,
      amount_fen: amount,
      state,
      transaction_id: state === 'succeeded' ? `42${no}` : null,
      channel: null,
      business_day: DAY.replaceAll('-', ''),
      pay_url: null,
      created_ms: ms - 60_000,
      updated_ms: ms,
      paid_ms: state === 'succeeded' ? ms : null,
      deadline_ms: null,
      next_check_ms: null,
      lease_until_ms: null,
      market_fee_fen: null,
      channel_fee_fen: null,
      last_error: null,
    });
    await pdb(f.db)
      .insertInto('payment_order')
      .values([
        order('QOK', 5000, T0 + 10 * H, 'succeeded'),
        order('QAMT', 5000, T0 + 11 * H, 'succeeded'),
        order('QNEXT', 777, T0 + 26 * H, 'succeeded'),
        order('QLOST', 300, T0 + 13 * H, 'paying'),
        order('QSHORT', 450, T0 + 16 * H, 'succeeded'),
      ])
      .execute();
    await pdb(f.db)
      .insertInto('payment_refund')
      .values({
        out_refund_no: 'RP',
        out_trade_no: 'QOK',
        refund_id: '50RP',
        amount_fen: 1000,
        return_fen: 0,
        state: 'succeeded',
        created_ms: T0 + 15 * H,
        updated_ms: T0 + 15 * H,
        last_error: null,
      })
      .execute();
  });
  afterAll(async () => f.drop());

  it('classifies, resolves the safe differences itself, queues the rest with a suggestion', async () => {
    const p = ports(f.db, new Map([['QLOST', 300]]));
    const run = await runRecon(f.db, p, DAY, 'job', Date.now);
    expect(run).toMatchObject({ state: 'done', error: null });
    const items = await rdb(f.db).selectFrom('recon_item').selectAll().orderBy('out_trade_no').execute();
    expect(
      items.map((i) => [i.out_refund_no ?? i.out_trade_no, i.kind, i.status, i.resolution ?? i.suggestion]),
    ).toEqual([
      ['QAMT', 'amount', 'open', 'suspense'],
      ['QLONG', 'long', 'open', 'bu_dan'],
      ['QLOST', 'status', 'resolved', 'marked_paid'],
      ['QNEXT', 'cross_midnight', 'resolved', 'redated'],
      ['RP', 'status', 'resolved', 'requeried'],
      ['QSHORT', 'short', 'open', 'suspense'],
    ]);
    const lost = await pdb(f.db)
      .selectFrom('payment_order')
      .select(['state', 'split_state'])
      .where('out_trade_no', '=', 'QLOST')
      .executeTakeFirstOrThrow();
    expect(lost).toEqual({ state: 'succeeded', split_state: 'due' });
    expect(
      await f.db
        .selectFrom('ledger_entry')
        .select('txn_type')
        .where('idem_key', '=', 'payment:QLOST')
        .executeTakeFirst(),
    ).toEqual({ txn_type: 'payment_success' });
    expect((await dayStatus(f.db, DAY)).reconciled).toBe(false);
    const merchants = await rdb(f.db).selectFrom('recon_merchant_day').selectAll().execute();
    expect(merchants).toEqual([
      {
        bill_date: DAY,
        sub_mchid: SUB,
        pays: 5,
        gross_fen: 5000 + 5001 + 777 + 300 + 800,
        refunds: 1,
        refund_fen: 1000,
        fee_fen: 30 + 30 + 5 + 2 + 5 - 6,
      },
    ]);
  });

  it('staff work the rest to closed: 补单 refused without our order, 挂账 posts the difference, an explained short; the books balance', async () => {
    const p = ports(
      f.db,
      new Map([
        ['QLOST', 300],
        ['QLONG', 800],
      ]),
    );
    const byNo = async (no: string) =>
      rdb(f.db).selectFrom('recon_item').selectAll().where('out_trade_no', '=', no).executeTakeFirstOrThrow();
    await expect(
      actOnItem(f.db, p, (await byNo('QLONG')).id, 'bu_dan', 'finance-1', '', Date.now()),
    ).rejects.toThrow(/no order of ours/);
    const long = await actOnItem(
      f.db,
      p,
      (await byNo('QLONG')).id,
      'suspense',
      'finance-1',
      '待查：机构有，收银台无',
      Date.now(),
    );
    expect([long.status, long.resolution, long.resolved_by, long.ledger_ref]).toEqual([
      'resolved',
      'suspense',
      'finance-1',
      `recon:${long.id}:suspense`,
    ]);
    await actOnItem(f.db, p, (await byNo('QAMT')).id, 'suspense', 'finance-1', '差 1 分', Date.now());
    await expect(
      actOnItem(f.db, p, (await byNo('QSHORT')).id, 'explain', 'finance-1', '', Date.now()),
    ).rejects.toThrow(/say why/);
    await actOnItem(
      f.db,
      p,
      (await byNo('QSHORT')).id,
      'explain',
      'admin-1',
      '买家当面改付现金，收银员已补录',
      Date.now(),
    );
    await expect(
      actOnItem(f.db, p, (await byNo('QSHORT')).id, 'explain', 'admin-1', 'again', Date.now()),
    ).rejects.toThrow(/already resolved/);
    expect((await dayStatus(f.db, DAY)).reconciled).toBe(true);
    const susp = await f.db
      .selectFrom('ledger_posting')
      .select((eb) => eb.fn.sum<number>('amount_fen').as('s'))
      .where('account_id', '=', 'memo:M9001')
      .executeTakeFirstOrThrow();
    expect(Number(susp.s)).toBe(-(800 + 1));
    expect(await unbalancedEntries(f.db)).toEqual([]);
  });

  it('matching the same bill again queues nothing twice and the day stays reconciled', async () => {
    const run = await runRecon(f.db, ports(f.db, new Map()), DAY, 'finance-1', Date.now);
    expect(run.state).toBe('done');
    const s = await dayStatus(f.db, DAY);
    expect([s.open, s.resolved, s.reconciled]).toEqual([0, 6, true]);
  });
});
