// Large amounts (issue 7): a 6,000 元 sale cannot go by QR or payment code (5,000 元 per payer per day, 银发〔2017〕296号);
// tendered via the institution's B2B gateway it is paid on the bank's page, and the till, the server's ledger and split,
// and the simulator's books all agree. Real simulator, server and terminal core over HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSale, saleTenders } from '../../src-main/sales/sale-store';
import { loadSimSettings } from '../../src-server/payments/config';
import { readBooks } from './books';
import { WECHAT_UA, count, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

// 400 nets of garlic at 15 元.
const TOTAL_FEN = 600_000;
const cart = {
  lines: [{ product_id: 'S01-V006', entry: { kind: 'count' as const, count: 400 }, discount_fen: 0 }],
  sale_discount_fen: 0,
};
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';

describe('a 6,000 元 sale', () => {
  it('is refused by QR and by payment code, with the reason and the gateway offered; nothing is sold', async () => {
    const before = count(s.core.db, 'SELECT COUNT(*) AS n FROM sale');
    await expect(
      s.core.handlers['sale-complete']({ ...cart, tenders: [{ kind: 'qr', amount_fen: TOTAL_FEN }] }),
    ).rejects.toMatchObject({
      code: 'qr_limit_exceeded',
      message: expect.stringMatching(/限额5000.00元.*企业网银/),
    });
    const buyer = await s.buyer('WECHAT');
    await expect(
      s.core.handlers['sale-complete']({
        ...cart,
        tenders: [{ kind: 'payment_code', amount_fen: TOTAL_FEN, code: await s.code(buyer) }],
      }),
    ).rejects.toMatchObject({ code: 'qr_limit_exceeded' });
    expect(count(s.core.db, 'SELECT COUNT(*) AS n FROM sale')).toBe(before);
    expect(count(s.serverDb(), 'SELECT COUNT(*) AS n FROM payment_order')).toBe(0);
  });

  it('is paid through the gateway: bank page, verified notification, tender paid on the till, ledger and split booked', async () => {
    const sale = await s.core.handlers['sale-complete']({
      ...cart,
      tenders: [{ kind: 'qr', amount_fen: TOTAL_FEN, via: 'gateway' }],
    });
    expect(sale).toMatchObject({ status: 'pending', total_fen: TOTAL_FEN });
    const link = sale.pay_url ?? '';
    expect(link).toMatch(/\/g\/[A-Za-z0-9_-]+$/);

    // The link's token is signed for the gateway: on the wallet QR's path it is refused, and no order is made.
    const asQr = await fetch(link.replace('/g/', '/p/'), {
      headers: { 'user-agent': WECHAT_UA },
      redirect: 'manual',
    });
    expect(asQr.status).toBe(400);
    expect(
      count(s.serverDb(), 'SELECT COUNT(*) AS n FROM payment_order WHERE sale_id = ?', sale.sale_id),
    ).toBe(0);

    // The buyer's accountant opens the link in an ordinary browser and is sent to the institution's bank page.
    const first = await fetch(link, { headers: { 'user-agent': CHROME }, redirect: 'manual' });
    expect(first.status).toBe(302);
    const bank = first.headers.get('location') ?? '';
    expect(bank).toContain(`${s.sim.url}/gateway/`);
    const pageText = await (await fetch(bank)).text();
    expect(pageText).toContain('企业网银');
    expect(pageText).toContain('6000.00');
    const order = s
      .serverDb()
      .prepare('SELECT out_trade_no, kind, state, amount_fen FROM payment_order WHERE sale_id = ?')
      .get(sale.sale_id) as { out_trade_no: string; kind: string; state: string; amount_fen: number };
    expect(order).toMatchObject({ kind: 'gateway', state: 'paying', amount_fen: TOTAL_FEN });
    expect(order.out_trade_no.startsWith('G')).toBe(true);
    // Opening the link again finds the same order.
    const again = await fetch(link, { headers: { 'user-agent': CHROME }, redirect: 'manual' });
    expect(again.headers.get('location')).toBe(bank);

    const confirm = await fetch(`${bank}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ company: '张老板饭店有限公司' }).toString(),
    });
    expect(await confirm.text()).toContain('转账成功');

    await until(
      () => getSale(s.core.db, sale.sale_id)?.status === 'completed',
      10_000,
      'the till to learn of the payment',
    );
    expect(saleTenders(s.core.db, sale.sale_id)[0]).toMatchObject({
      kind: 'qr',
      via: 'gateway',
      status: 'paid',
    });
    const db = s.serverDb();
    expect(
      db.prepare('SELECT outcome FROM payment_notification WHERE out_trade_no = ?').get(order.out_trade_no),
    ).toEqual({ outcome: 'applied' });
    expect(
      count(
        db,
        "SELECT COUNT(*) AS n FROM ledger_entry WHERE txn_type = 'payment_success' AND idem_key = ?",
        `payment:${order.out_trade_no}`,
      ),
    ).toBe(1);

    // The institution refuses splits in the first 30 s after payment (its clock).
    await s.control('POST', '/clock/advance', { ms: 31_000 });
    const split = await until(
      () =>
        db
          .prepare(
            "SELECT market_fee_fen, channel_fee_fen FROM payment_order WHERE out_trade_no = ? AND split_state = 'done'",
          )
          .get(order.out_trade_no) as { market_fee_fen: number; channel_fee_fen: number } | undefined,
      10_000,
      'the split',
    );
    // 1 % market fee by the schedule; the gateway's flat 10 元 fee as the institution reports it.
    expect(split).toEqual({ market_fee_fen: TOTAL_FEN / 100, channel_fee_fen: 1_000 });
    expect(
      count(
        db,
        "SELECT COUNT(*) AS n FROM ledger_entry WHERE txn_type = 'split' AND idem_key LIKE ?",
        `%${order.out_trade_no}%`,
      ),
    ).toBeGreaterThan(0);

    await until(() => s.core.sync.status().queue_depth === 0, 30_000, 'the till journal synced');
    const books = await until(
      () => {
        const b = readBooks(s, loadSimSettings(s.simDir).sp_mchid);
        return b.till_net_fen === b.server_net_fen &&
          b.server_stall_fen === b.sim_stall_fen &&
          b.server_market_fen === b.sim_market_fen
          ? b
          : null;
      },
      10_000,
      'the books to agree',
    );
    expect(books).toMatchObject({
      till_net_fen: TOTAL_FEN,
      sim_net_fen: TOTAL_FEN,
      server_net_fen: TOTAL_FEN,
      sim_balanced: true,
    });
  }, 60_000);
});
