/**
 * A market day for the staff web's tests: the demo market with sales on two
 * terminals (one Z report that disagrees with what was synced), QR payment
 * orders, and an institution whose bill for the day carries each difference
 * the simulator can inject plus a long and a short. The institution is a
 * test double behind the reconciliation port (the bill is WeChat's layout,
 * streamed like the real one); "mark paid" is the payments code's own.
 */
import { createHash } from 'node:crypto';
import type { ServerDb } from '../../src-server/db/database';
import type { InstResult, RefundView, Transaction } from '../../src-server/payments/institution';
import { applyPaid } from '../../src-server/payments/orders';
import { TerminalEventHub } from '../../src-server/terminals/event-hub';
import { pdb } from '../../src-server/payments/schema';
import { billFromText } from '../../src-server/recon/bill-stream';
import { shanghaiMidnightMs } from '../../src-server/recon/days';
import type { ReconPorts } from '../../src-server/recon/ports';
import { billText, type GenPay } from '../../src-server/recon/testing/bill-writer';

export const SUB = '1900000109';
const H = 3_600_000;
const stamp = (ms: number): string => new Date(ms + 8 * H).toISOString().slice(0, 19).replace('T', ' ');

export async function seedMarketDay(db: ServerDb, day: string, nowMs: number): Promise<void> {
  const T0 = shanghaiMidnightMs(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`);
  await db.updateTable('stall').set({ sub_mchid: SUB }).where('id', '=', 'S01').execute();
  await db.updateTable('terminal').set({ status: 'active', configured_ms: nowMs }).execute();
  const t1 = (
    await db.selectFrom('terminal').select('id').where('stall_id', '=', 'S01').executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('terminal')
    .values({
      id: 'T-S02-1',
      stall_id: 'S02',
      name: '水果1号机',
      public_key_pem: null,
      status: 'active',
      created_ms: nowMs,
      configured_ms: nowMs,
    })
    .execute();
  const sales = [
    [t1, 'S01', 6, 12_350, 'cash'],
    [t1, 'S01', 7, 88_000, 'qr'],
    [t1, 'S01', 9, 5_000, 'qr'],
    [t1, 'S01', 9, 45_620, 'cash'],
    [t1, 'S01', 14, 30_000, 'account'],
    ['T-S02-1', 'S02', 8, 26_800, 'qr'],
    ['T-S02-1', 'S02', 10, 9_900, 'cash'],
    ['T-S02-1', 'S02', 11, 300, 'qr'],
  ] as const;
  let n = 0;
  for (const [term, stall, hour, fen, kind] of sales) {
    const id = `sale-${++n}`;
    const at = T0 + hour * H + n * 60_000;
    await db
      .insertInto('sale')
      .values({
        id,
        terminal_id: term,
        stall_id: stall,
        receipt_no: `R${n}`,
        business_day: day,
        total_fen: fen,
        cashier: 'C1',
        at_ms: at,
        received_ms: at,
        shift_id: null,
      })
      .execute();
    await db
      .insertInto('sale_tender')
      .values({
        sale_id: id,
        tender_no: 1,
        kind,
        amount_fen: fen,
        tendered_fen: fen,
        change_fen: 0,
        buyer_id: null,
        external_ref: null,
      })
      .execute();
  }
  await db
    .insertInto('journal_entry')
    .values({
      terminal_id: t1,
      seq: 1,
      id: 'J1',
      type: 'sale',
      at_ms: nowMs - 40_000,
      payload: '{}',
      prev_hash: '',
      hash: 'h',
      received_ms: nowMs - 30_000,
      flag: null,
    })
    .execute();
  // S01's till closed its day one sale short of what the server holds: entries not yet synced when it closed.
  await db
    .insertInto('z_report')
    .values({
      terminal_id: t1,
      business_day: day,
      stall_id: 'S01',
      cashier_id: 'C1',
      report: JSON.stringify({ sales_count: 4, gross_fen: 151_970, refunds: { count: 0, amount_fen: 0 } }),
      closed_ms: nowMs,
    })
    .execute();
  await db
    .insertInto('z_report')
    .values({
      terminal_id: 'T-S02-1',
      business_day: day,
      stall_id: 'S02',
      cashier_id: 'C1',
      report: JSON.stringify({ sales_count: 3, gross_fen: 37_000, refunds: { count: 0, amount_fen: 0 } }),
      closed_ms: nowMs,
    })
    .execute();
  const order = (no: string, amount: number, ms: number, state: 'succeeded' | 'paying') => ({
    out_trade_no: no,
    institution: 'simpay',
    sub_mchid: SUB,
    stall_id: 'S01',
    terminal_id: t1,
    sale_id: `sale-${no}`,
    tender_no: 1,
    kind: 'qr' as const,
    amount_fen: amount,
    state,
    transaction_id: state === 'succeeded' ? `42${no}` : null,
    channel: state === 'succeeded' ? 'WECHAT' : null,
    business_day: day,
    pay_url: null,
    created_ms: ms - 60_000,
    updated_ms: ms,
    paid_ms: state === 'succeeded' ? ms : null,
    deadline_ms: null,
    next_check_ms: null,
    lease_until_ms: null,
    market_fee_fen: state === 'succeeded' ? Math.round(amount * 0.003) : null,
    channel_fee_fen: state === 'succeeded' ? Math.floor((amount * 60 + 5000) / 10_000) : null,
    last_error: null,
  });
  await pdb(db)
    .insertInto('payment_order')
    .values([
      order('Q7001', 88_000, T0 + 7 * H, 'succeeded'),
      order('Q9002', 5_000, T0 + 9 * H, 'succeeded'),
      order('Q2603', 777, T0 + 26 * H, 'succeeded'),
      order('Q1304', 300, T0 + 13 * H, 'paying'),
      order('Q1605', 450, T0 + 16 * H, 'succeeded'),
    ])
    .execute();
}

export function institutionDouble(db: ServerDb, day: string): ReconPorts {
  const T0 = shanghaiMidnightMs(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`);
  const pay = (no: string, amount: number, ms: number): GenPay => ({
    at: stamp(ms),
    sub_mchid: SUB,
    transaction_id: `42${no}`,
    out_trade_no: no,
    amount_fen: amount,
    fee_fen: Math.floor((amount * 60 + 5000) / 10_000),
  });
  // Q9002 +1 fen (bill_amount_delta), Q2603 after midnight (bill_cross_midnight), Q1304 paid but never notified (lost_notification), Q8888 unknown here (long); Q1605 missing there (short).
  const bill = billText([
    pay('Q7001', 88_000, T0 + 7 * H),
    pay('Q9002', 5_001, T0 + 9 * H),
    pay('Q2603', 777, T0 + 26 * H),
    pay('Q1304', 300, T0 + 13 * H),
    pay('Q8888', 1_200, T0 + 15 * H),
  ]);
  const paid = new Map([
    ['Q1304', 300],
    ['Q8888', 1_200],
  ]);
  const ok = <T>(value: T): InstResult<T> => ({ kind: 'ok', value });
  return {
    fetchBill: async () =>
      ok({ sha1: createHash('sha1').update(bill).digest('hex'), body: billFromText(bill) }),
    queryTrade: async (_sub, no): Promise<InstResult<Transaction>> => {
      const amount = paid.get(no);
      return amount === undefined
        ? { kind: 'refused', status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' }
        : ok({
            out_trade_no: no,
            transaction_id: `42${no}`,
            trade_state: 'SUCCESS',
            amount_fen: amount,
            channel: 'WECHAT',
          });
    },
    queryRefund: async (): Promise<InstResult<RefundView>> => ({
      kind: 'refused',
      status: 404,
      code: 'RESOURCE_NOT_EXISTS',
      message: 'no refunds in this day',
    }),
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
