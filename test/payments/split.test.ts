// Splits the institution refuses: retried under a new instruction number, and after the last attempt surfaced to staff, who can send it again.
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders } from '../../src-main/sales/sale-store';
import { SPLIT_MAX_ATTEMPTS } from '../../src-server/payments/split';
import { WECHAT_UA, buyerPays, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

type Row = {
  split_state: string;
  split_no: number;
  last_error: string | null;
  market_fee_fen: number | null;
};
const order = (no: string): Row =>
  s
    .serverDb()
    .prepare(
      'SELECT split_state, split_no, last_error, market_fee_fen FROM payment_order WHERE out_trade_no = ?',
    )
    .get(no) as Row;

async function paidSale(): Promise<{ sale_id: string; no: string }> {
  const buyer = await s.buyer('WECHAT');
  const r = await s.core.handlers['sale-complete']({
    lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 4 }, discount_fen: 0 }],
    sale_discount_fen: 0,
    tenders: [{ kind: 'qr', amount_fen: 6_000 }],
  });
  if (!r.pay_url) throw new Error('no pay url');
  await buyerPays(r.pay_url, WECHAT_UA, buyer);
  const no = `Q${r.sale_id}01`;
  await until(
    () =>
      s
        .serverDb()
        .prepare("SELECT 1 AS x FROM payment_order WHERE out_trade_no = ? AND state = 'succeeded'")
        .get(no),
    10_000,
    'the payment',
  );
  return { sale_id: r.sale_id, no };
}

const shares = (no: string): { out_order_no: string; result: string }[] =>
  s
    .simDb()
    .prepare(
      "SELECT so.out_order_no, sr.result FROM share_orders so JOIN share_receivers sr ON sr.order_id = so.order_id JOIN orders o ON o.transaction_id = so.transaction_id WHERE o.out_trade_no = ? AND so.kind <> 'UNFREEZE' ORDER BY so.created_at",
    )
    .all(no) as { out_order_no: string; result: string }[];

describe('split failures', () => {
  it('a refused receiver is retried under a new number and the split completes', async () => {
    const sale = await paidSale();
    await s.control('POST', '/faults', { kind: 'split_failure', count: 1, reason: 'RECEIVER_HIGH_RISK' });
    await s.control('POST', '/clock/advance', { ms: 31_000 });
    await until(() => order(sale.no).split_state === 'done', 15_000, 'the split after one retry');
    expect(order(sale.no)).toMatchObject({ split_no: 1, market_fee_fen: 60 });
    expect(shares(sale.no).map((x) => x.result)).toEqual(['CLOSED', 'SUCCESS']);
  });

  it('after the last attempt the split is left failed, surfaced to staff with the reason; staff send it again', async () => {
    const sale = await paidSale();
    await s.control('POST', '/faults', {
      kind: 'split_failure',
      count: SPLIT_MAX_ATTEMPTS,
      reason: 'RECEIVER_HIGH_RISK',
    });
    await s.control('POST', '/clock/advance', { ms: 31_000 });
    await until(() => order(sale.no).split_state === 'failed', 20_000, 'the split to be given up');
    expect(order(sale.no).last_error).toContain('RECEIVER_HIGH_RISK');
    expect(shares(sale.no)).toHaveLength(SPLIT_MAX_ATTEMPTS);
    // The sale itself is paid: the stall's money is safe at the institution (still frozen), only the fee share waits.
    await until(() => saleTenders(s.core.db, sale.sale_id)[0]?.status === 'paid', 10_000, 'the till');
    const attention = await s.admin<{ split_failed: { out_trade_no: string; last_error: string | null }[] }>(
      '/api/v1/admin/payments/attention',
    );
    expect(attention.split_failed.find((x) => x.out_trade_no === sale.no)?.last_error).toContain(
      'RECEIVER_HIGH_RISK',
    );
    // Staff retry it once the receiver is sorted out.
    const retried = await s.admin<{ split_state: string; split_no: number }>(
      `/api/v1/admin/payments/${sale.no}/split-retry`,
      {},
    );
    expect(retried).toMatchObject({ split_state: 'due', split_no: SPLIT_MAX_ATTEMPTS });
    await until(() => order(sale.no).split_state === 'done', 15_000, 'the split sent again by staff');
    const after = await s.admin<{ split_failed: { out_trade_no: string }[] }>(
      '/api/v1/admin/payments/attention',
    );
    expect(after.split_failed.some((x) => x.out_trade_no === sale.no)).toBe(false);
  });
});
