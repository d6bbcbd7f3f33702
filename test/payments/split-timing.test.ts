// The institution refuses a split in the first 30 s after payment. A refusal then is "too early", told by the institution's own
// clock (its answers' HTTP Date against the transaction's success_time): tried again exactly when the 30 s are over there — no
// back-off, not counted as a failure — and a clock moved forward by test control (as the benches do) shortens the wait.
import { beforeAll, describe, expect, it } from 'vitest';
import { SPLIT_MARGIN_MS, SPLIT_WAIT_MS } from '../../src-server/payments/split';
import { WECHAT_UA, buyerPays, until, type PayStack } from './stack';
import { payStackSession } from './session';

const FIRST_TRY_MS = 1_000;
const session = payStackSession({ split_delay_ms: FIRST_TRY_MS, split_probe_ms: undefined });
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

type Row = {
  split_state: string;
  next_check_ms: number | null;
  updated_ms: number;
  paid_ms: number;
  check_attempts: number;
  last_error: string | null;
};
const order = (no: string): Row =>
  s
    .serverDb()
    .prepare(
      'SELECT split_state, next_check_ms, updated_ms, paid_ms, check_attempts, last_error FROM payment_order WHERE out_trade_no = ?',
    )
    .get(no) as Row;

async function paid(): Promise<string> {
  const buyer = await s.buyer('WECHAT');
  const r = await s.core.handlers['sale-complete']({
    lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 2 }, discount_fen: 0 }],
    sale_discount_fen: 0,
    tenders: [{ kind: 'qr', amount_fen: 3_000 }],
  });
  if (!r.pay_url) throw new Error('no pay url');
  await buyerPays(r.pay_url, WECHAT_UA, buyer);
  const no = `Q${r.sale_id}01`;
  await until(
    () =>
      (
        s
          .serverDb()
          .prepare("SELECT 1 AS x FROM payment_order WHERE out_trade_no = ? AND state = 'succeeded'")
          .get(no) as { x: number } | undefined
      )?.x,
    10_000,
    'the payment',
  );
  return no;
}

/** The first attempt was refused as too early: when the next one is planned, counted from that attempt. */
async function plannedWait(no: string): Promise<number> {
  const r = await until(
    () => (order(no).last_error?.includes('too early') ? order(no) : null),
    10_000,
    'the too-early refusal',
  );
  expect(r.check_attempts).toBe(0);
  return (r.next_check_ms ?? 0) - r.updated_ms;
}

describe('split timing against the institution clock', () => {
  it('retries a too-early split when the institution will take it, and follows its clock when moved', async () => {
    const a = await paid();
    const waitA = await plannedWait(a);
    // Paid at t, first try at t + 1 s: the rest of the 30 s plus the margin, give or take the clock's whole seconds.
    expect(waitA).toBeGreaterThan(SPLIT_WAIT_MS + SPLIT_MARGIN_MS - FIRST_TRY_MS - 2_500);
    expect(waitA).toBeLessThanOrEqual(SPLIT_WAIT_MS + SPLIT_MARGIN_MS - FIRST_TRY_MS + 1_000);

    const b = await paid();
    await s.control('POST', '/clock/advance', { ms: 20_000 });
    const waitB = await plannedWait(b);
    expect(waitB).toBeGreaterThan(SPLIT_WAIT_MS + SPLIT_MARGIN_MS - 20_000 - FIRST_TRY_MS - 2_500);
    expect(waitB).toBeLessThanOrEqual(SPLIT_WAIT_MS + SPLIT_MARGIN_MS - 20_000 - FIRST_TRY_MS + 1_000);
    // ...and then it is made, without a back-off on the way.
    await until(() => order(b).split_state === 'done', 20_000, 'the split at the implied time');
    expect(order(b).check_attempts).toBe(0);
  }, 60_000);
});
