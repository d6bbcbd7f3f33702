import { describe, expect, it } from 'vitest';
import { BillFormatError } from './bill-parse';
import { billFromText, readBill } from './bill-stream';
import { shanghaiMidnightMs } from './days';
import { payIndex, Reconciler, refundIndex } from './engine';
import { billText, type GenPay, type GenRefund } from './testing/bill-writer';
import type { LocalPayment, LocalRefund } from './types';

const DAY = '2025-06-01';
const T0 = shanghaiMidnightMs(DAY);
const H = 3_600_000;
const SUB = '1900000109';
const at = (ms: number): string => new Date(ms + 8 * H).toISOString().slice(0, 19).replace('T', ' ');

function local(
  no: string,
  amount: number,
  atMs: number,
  state: LocalPayment['state'] = 'paid',
): LocalPayment {
  return { out_trade_no: no, stall_id: 'S1', sub_mchid: SUB, amount_fen: amount, state, at_ms: atMs };
}
function billPay(no: string, amount: number, atMs: number, state: GenPay['state'] = 'SUCCESS'): GenPay {
  return {
    at: at(atMs),
    sub_mchid: SUB,
    transaction_id: `42${no}`,
    out_trade_no: no,
    state,
    amount_fen: amount,
    fee_fen: Math.round((amount * 60) / 10_000),
  };
}
function localRefund(no: string, amount: number, state: LocalRefund['state'] = 'succeeded'): LocalRefund {
  return {
    out_refund_no: no,
    out_trade_no: 'Q1',
    stall_id: 'S1',
    sub_mchid: SUB,
    amount_fen: amount,
    state,
    at_ms: T0 + 11 * H,
  };
}
function billRefund(no: string, amount: number, state = 'SUCCESS'): GenRefund {
  return {
    at: at(T0 + 11 * H),
    sub_mchid: SUB,
    transaction_id: '42Q1',
    out_trade_no: 'Q1',
    out_refund_no: no,
    refund_id: `50${no}`,
    state,
    amount_fen: amount,
    fee_back_fen: 1,
  };
}

async function run(text: string, pays: LocalPayment[], refunds: LocalRefund[] = []) {
  const r = new Reconciler(DAY, payIndex(pays), refundIndex(refunds));
  await readBill(billFromText(text), r.row, null);
  return r.finish();
}

describe('reconciliation engine', () => {
  it('matches a clean day and totals the bill per merchant', async () => {
    const out = await run(
      billText(
        [billPay('Q1', 1234, T0 + 10 * H), billPay('Q2', 99_999, T0 + 12 * H)],
        [billRefund('R1', 234)],
      ),
      [local('Q1', 1234, T0 + 10 * H), local('Q2', 99_999, T0 + 12 * H)],
      [localRefund('R1', 234)],
    );
    expect(out.differences).toEqual([]);
    expect([out.rows, out.matched, out.matched_fen]).toEqual([3, 3, 1234 + 99_999 + 234]);
    expect(out.merchants).toEqual([
      { sub_mchid: SUB, pays: 2, gross_fen: 101_233, refunds: 1, refund_fen: 234, fee_fen: 7 + 600 - 1 },
    ]);
  });

  it('classifies each injected difference and suggests what to do', async () => {
    const bill = billText(
      [
        billPay('AMT', 5001, T0 + 9 * H), // bill_amount_delta: +1 fen
        billPay('NEXT', 777, T0 + 24 * H + 2 * H), // bill_cross_midnight: tomorrow's order in today's bill
        billPay('LOST', 300, T0 + 13 * H), // lost notification: still paying here
        billPay('LONG', 800, T0 + 14 * H), // we never heard of it
        billPay('ENDED', 900, T0 + 15 * H), // closed here, paid there
      ],
      [billRefund('RP', 1000, 'PROCESSING')], // bill_refund_processing
    );
    const out = await run(
      bill,
      [
        local('AMT', 5000, T0 + 9 * H),
        local('NEXT', 777, T0 + 26 * H),
        local('LOST', 300, T0 + 13 * H, 'pending'),
        local('ENDED', 900, T0 + 15 * H, 'ended'),
        local('SHORT', 450, T0 + 16 * H),
        local('LATE', 120, T0 + 24 * H - 5 * 60_000),
      ],
      [localRefund('RP', 1000)],
    );
    const by = Object.fromEntries(
      out.differences.map((d) => [d.out_refund_no ?? d.out_trade_no, [d.kind, d.cause, d.suggestion]]),
    );
    expect(by).toEqual({
      AMT: ['amount', 'unknown', 'suspense'],
      NEXT: ['cross_midnight', 'cross_midnight', 'auto_redate'],
      LOST: ['status', 'lost_notification', 'auto_mark_paid'],
      LONG: ['long', 'unknown', 'bu_dan'],
      ENDED: ['status', 'ended_but_paid', 'refund'],
      RP: ['status', 'refund_snapshot', 'auto_requery_refund'],
      SHORT: ['short', 'unknown', 'suspense'],
      LATE: ['short', 'near_midnight', 'await_next_bill'],
    });
    expect(out.matched).toBe(0);
    const amt = out.differences.find((d) => d.out_trade_no === 'AMT');
    expect([amt?.inst_amount_fen, amt?.plat_amount_fen, amt?.stall_id]).toEqual([5001, 5000, 'S1']);
  });

  it('a record re-dated into the previous day is not short again; a row listed twice is long the second time', async () => {
    const out = await run(billText([billPay('D', 100, T0 + H), billPay('D', 100, T0 + H)]), [
      local('D', 100, T0 + H),
      local('X', 5, T0 + 2 * H),
    ]);
    expect(out.differences.map((d) => [d.out_trade_no, d.kind])).toEqual([
      ['D', 'long'],
      ['X', 'short'],
    ]);
    const r = new Reconciler(DAY, payIndex([local('X', 5, T0 + 2 * H)]), refundIndex(), new Set(['X']));
    await readBill(billFromText(billText([billPay('Y', 1, T0 + H)])), r.row, null);
    expect(r.finish().differences.map((d) => d.kind)).toEqual(['long']);
  });

  it('refuses a truncated bill, a summary that disagrees with the rows, and a wrong SHA-1', async () => {
    const good = billText([billPay('Q1', 1234, T0 + H)]);
    const noop = (): void => undefined;
    await expect(readBill(billFromText(good.split('\n').slice(0, 2).join('\n')), noop, null)).rejects.toThrow(
      /no summary row/,
    );
    await expect(readBill(billFromText(good.replace('`1,`12.34', '`1,`12.35')), noop, null)).rejects.toThrow(
      /disagrees/,
    );
    await expect(readBill(billFromText(good), noop, 'deadbeef')).rejects.toThrow(BillFormatError);
    await expect(
      readBill(billFromText(good.replace('`12.34,`0.00', '`12.3x,`0.00')), noop, null),
    ).rejects.toThrow(/line 2/);
  });
});
