// Notifications from the institution: lost, duplicated, replayed, forged and amount-mismatched — through the real simulator, server and till.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSale, saleTenders } from '../../src-main/sales/sale-store';
import { postNotification, transactionBody } from './forge';
import { WECHAT_UA, buyerPays, count, openPayPage, simTransactionId, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

async function qrSale(): Promise<{
  sale_id: string;
  pay_url: string;
  total_fen: number;
  out_trade_no: string;
}> {
  const r = await s.core.handlers['sale-complete']({
    lines: [{ product_id: 'S01-V001', entry: { kind: 'weight', gross_g: 5000, tare_g: 0 }, discount_fen: 0 }],
    sale_discount_fen: 0,
    tenders: [{ kind: 'qr', amount_fen: 1200 }],
  });
  if (!r.pay_url) throw new Error('no pay url');
  return { sale_id: r.sale_id, pay_url: r.pay_url, total_fen: r.total_fen, out_trade_no: `Q${r.sale_id}01` };
}

const outcomes = (no: string): string[] =>
  (
    s
      .serverDb()
      .prepare('SELECT outcome FROM payment_notification WHERE out_trade_no = ? ORDER BY received_ms, id')
      .all(no) as { outcome: string }[]
  ).map((r) => r.outcome);
const events = (no: string): number =>
  count(s.serverDb(), 'SELECT COUNT(*) AS n FROM payment_event WHERE out_trade_no = ?', no);
const entries = (no: string): number =>
  count(s.serverDb(), 'SELECT COUNT(*) AS n FROM ledger_entry WHERE idem_key = ?', `payment:${no}`);
const orderState = (no: string): string =>
  (
    s.serverDb().prepare('SELECT state FROM payment_order WHERE out_trade_no = ?').get(no) as {
      state: string;
    }
  ).state;
const tillPaid = (saleId: string): boolean => saleTenders(s.core.db, saleId)[0]?.status === 'paid';

describe('institution notifications', () => {
  it('a lost notification is recovered by the query job: the order is paid, booked once, and the till learns it', async () => {
    await s.control('POST', '/faults', { kind: 'lost_notification', count: 1 });
    const buyer = await s.buyer('WECHAT');
    const sale = await qrSale();
    expect((await buyerPays(sale.pay_url, WECHAT_UA, buyer)).confirm).toContain('支付成功');
    await until(() => orderState(sale.out_trade_no) === 'succeeded', 10_000, 'recovery by query');
    // Nothing was ever received for it: the query found it paid.
    expect(outcomes(sale.out_trade_no)).toEqual([]);
    expect(events(sale.out_trade_no)).toBe(1);
    expect(entries(sale.out_trade_no)).toBe(1);
    await until(() => tillPaid(sale.sale_id), 10_000, 'the till to learn of the recovered payment');
    expect(getSale(s.core.db, sale.sale_id)?.status).toBe('completed');
  });

  it('a duplicated and a replayed notification change nothing and are logged as duplicates', async () => {
    await s.control('POST', '/faults', { kind: 'duplicate_notification', count: 1 });
    const buyer = await s.buyer('WECHAT');
    const sale = await qrSale();
    await buyerPays(sale.pay_url, WECHAT_UA, buyer);
    await until(() => outcomes(sale.out_trade_no).length >= 2, 10_000, 'both deliveries');
    expect(outcomes(sale.out_trade_no)).toEqual(['applied', 'duplicate']);
    // A replay of the delivered body (the same event id) with a fresh, valid signature.
    const delivered = s
      .simDb()
      .prepare(
        "SELECT body FROM notifications WHERE event_type = 'TRANSACTION.SUCCESS' ORDER BY created_at DESC LIMIT 1",
      )
      .get() as { body: string };
    expect(await postNotification(s.server.url, s.simDir, delivered.body)).toBe(204);
    expect(outcomes(sale.out_trade_no)).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(events(sale.out_trade_no)).toBe(1);
    expect(entries(sale.out_trade_no)).toBe(1);
    await until(() => tillPaid(sale.sale_id), 10_000, 'the till');
  });

  it('forged notifications (another key, a body altered after signing) are refused, change nothing and are logged', async () => {
    const sale = await qrSale();
    await openPayPage(sale.pay_url, WECHAT_UA);
    const tx = await simTransactionId(s, sale.out_trade_no);
    const body = transactionBody(s.simDir, {
      sub_mchid: s.subMchid,
      out_trade_no: sale.out_trade_no,
      transaction_id: tx,
      trade_state: 'SUCCESS',
      amount: { total: sale.total_fen },
    });
    const forgedBefore = count(
      s.serverDb(),
      "SELECT COUNT(*) AS n FROM payment_notification WHERE outcome = 'forged'",
    );
    expect(await postNotification(s.server.url, s.simDir, body, { forgeKey: true })).toBeGreaterThanOrEqual(
      400,
    );
    expect(
      await postNotification(s.server.url, s.simDir, body, { alterAfterSigning: true }),
    ).toBeGreaterThanOrEqual(400);
    expect(
      count(s.serverDb(), "SELECT COUNT(*) AS n FROM payment_notification WHERE outcome = 'forged'"),
    ).toBe(forgedBefore + 2);
    expect(orderState(sale.out_trade_no)).toBe('paying');
    expect(events(sale.out_trade_no)).toBe(0);
    expect(entries(sale.out_trade_no)).toBe(0);
    const attention = await s.admin<{ notifications: { outcome: string }[] }>(
      '/api/v1/admin/payments/attention',
    );
    expect(attention.notifications.filter((n) => n.outcome === 'forged').length).toBeGreaterThanOrEqual(2);
  });

  it('a validly signed notification whose amount differs from the order is refused; the real payment then applies', async () => {
    const buyer = await s.buyer('WECHAT');
    const sale = await qrSale();
    const page = await openPayPage(sale.pay_url, WECHAT_UA);
    const tx = await simTransactionId(s, sale.out_trade_no);
    const body = transactionBody(s.simDir, {
      sub_mchid: s.subMchid,
      out_trade_no: sale.out_trade_no,
      transaction_id: tx,
      trade_state: 'SUCCESS',
      amount: { total: sale.total_fen - 1 },
    });
    expect(await postNotification(s.server.url, s.simDir, body)).toBe(409);
    expect(outcomes(sale.out_trade_no)).toEqual(['mismatch']);
    expect(orderState(sale.out_trade_no)).toBe('paying');
    expect(events(sale.out_trade_no) + entries(sale.out_trade_no)).toBe(0);
    expect(tillPaid(sale.sale_id)).toBe(false);
    const confirm = await fetch(`${page.split('?')[0] ?? ''}/confirm`, {
      method: 'POST',
      headers: { 'user-agent': WECHAT_UA, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ buyer_id: buyer, password: '123456' }).toString(),
    });
    expect(await confirm.text()).toContain('支付成功');
    await until(
      () => orderState(sale.out_trade_no) === 'succeeded' && outcomes(sale.out_trade_no).length === 2,
      10_000,
      'the real notification',
    );
    expect(outcomes(sale.out_trade_no)).toEqual(['mismatch', 'applied']);
    expect(entries(sale.out_trade_no)).toBe(1);
  });
});
