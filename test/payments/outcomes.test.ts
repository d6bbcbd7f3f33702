// Tender outcomes the cashier acts on, through the real simulator, server and terminal core with the
// ESC/POS printer emulator: an expired payment code taken again with a fresh code, a refused code taken
// in cash, a waiting code cancelled and reversed at the institution. Each ends with the printed receipt
// (decoded from the bytes), the Z report and the staff dashboard agreeing to the fen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takingsDifferences, type Takings } from '../../shared/sales/takings';
import { getSale, saleTenders } from '../../src-main/sales/sale-store';
import { dayReport } from '../../src-main/shifts/day-close';
import { renderJob, startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { buyerPays, startPayStack, until, WECHAT_UA, type PayStack } from './stack';

let s: PayStack;
let printer: PrinterEmulator;

beforeAll(async () => {
  printer = await startPrinterEmulator({ host: '127.0.0.1', port: 0 });
  s = await startPayStack(
    {},
    {
      devices: {
        printer: { address: `tcp://127.0.0.1:${printer.port}`, profile: 'generic-80' },
        scanner: null,
        scale: null,
      },
    },
  );
  await s.core.handlers['cashier-signin']({ pin: '1234' });
}, 60_000);
afterAll(async () => {
  await s?.close();
  await printer?.close();
});

const line = (count: number) => [
  { product_id: 'S01-V006', entry: { kind: 'count' as const, count }, discount_fen: 0 },
];

/** Jobs the printer received that a test has read. */
let read = 0;
/** The text of the next receipt printed after the ones read so far. */
async function nextReceipt(): Promise<string> {
  const jobs = await printer.waitForJobs(read + 1, 10_000);
  const job = jobs[read++];
  if (!job) throw new Error('no receipt');
  return renderJob(job);
}

/** Z report, the server's projection and the dashboard of today, once the till's journal is synced. */
async function agree(): Promise<Takings> {
  await s.core.sync.runOnce();
  const day = getSale(
    s.core.db,
    (s.core.db.prepare('SELECT id FROM sale ORDER BY created_ms DESC LIMIT 1').get() as { id: string }).id,
  )!.business_day;
  const z = dayReport(s.core.db, s.core.identity.terminal_id, day);
  expect(takingsDifferences(z.takings)).toEqual([]);
  const dash = await s.admin<{
    total_fen: number;
    by_tender: Record<string, number>;
    by_wallet: Record<string, number>;
    takings: Takings;
  }>(`/api/v1/admin/dashboard?business_day=${day}`);
  expect(dash.takings.paid).toEqual(z.takings.paid);
  expect(dash.takings.receivable).toEqual(z.takings.receivable);
  expect(dash.takings.by_kind).toEqual(z.takings.by_kind);
  expect(dash.total_fen).toBe(z.gross_fen);
  // The tender breakdown is the wallet breakdown: money received by QR and payment code.
  expect(Object.values(dash.by_wallet).reduce((a, v) => a + v, 0)).toBe(
    (dash.by_tender.qr ?? 0) + (dash.by_tender.payment_code ?? 0),
  );
  return z.takings;
}

describe('tender outcomes', () => {
  it('an expired payment code fails with its reason; a fresh code on the same sale pays it', async () => {
    const buyer = await s.buyer('WECHAT');
    const stale = await s.code(buyer);
    await s.control('POST', '/clock/advance', { ms: 61_000 });
    const r = await s.core.handlers['sale-complete']({
      lines: line(3),
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 4_500, code: stale }],
    });
    expect(r.status).toBe('pending');
    const failed = await nextReceipt();
    expect(failed).toContain('付款码 付款失败');
    expect(failed).toContain('付款码已过期');
    expect(failed).toContain('待补收');
    expect(failed).not.toContain('付款码 待确认');
    const detail = await s.core.handlers['sale-detail']({ sale_id: r.sale_id, paper: 80 });
    expect(detail.tenders[0]).toMatchObject({
      status: 'failed',
      reason_zh: expect.stringContaining('付款码已过期'),
    });
    expect(detail.owed_fen).toBe(4_500);
    const before = await agree();
    expect(before.receivable.owed_fen).toBeGreaterThanOrEqual(4_500);

    const again = await s.core.handlers['sale-add-tender']({
      sale_id: r.sale_id,
      tender: { kind: 'payment_code', amount_fen: 4_500, code: await s.code(buyer) },
    });
    expect(again).toMatchObject({ status: 'completed', tender_no: 2, owed_fen: 0 });
    const paid = await nextReceipt();
    const txn = saleTenders(s.core.db, r.sale_id)[1]!.external_ref!;
    expect(paid).toContain('付款码 已支付');
    expect(paid).toContain(txn);
    expect(paid).toContain('付款码 付款失败');
    expect(paid).not.toContain('待补收');
    const after = await agree();
    expect(after.paid.by_kind.payment_code - before.paid.by_kind.payment_code).toBe(4_500);
    expect(after.paid.by_wallet.wechat - before.paid.by_wallet.wechat).toBe(4_500);
    expect(after.receivable.owed_fen).toBe(before.receivable.owed_fen - 4_500);
  });

  it('a code refused for want of money is taken in cash instead', async () => {
    const poor = await s.buyer('ALIPAY', 100);
    const r = await s.core.handlers['sale-complete']({
      lines: line(2),
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 3_000, code: await s.code(poor) }],
    });
    expect(r.status).toBe('pending');
    expect(await nextReceipt()).toContain('余额不足');
    const before = await agree();
    const cash = await s.core.handlers['sale-add-tender']({
      sale_id: r.sale_id,
      tender: { kind: 'cash', tendered_fen: 5_000 },
    });
    expect(cash).toMatchObject({ status: 'completed', change_fen: 2_000 });
    const receipt = await nextReceipt();
    expect(receipt).toContain('付款码 付款失败');
    expect(receipt).toMatch(/现金\s+￥30\.00/);
    expect(receipt).toMatch(/找零\s+￥20\.00/);
    const after = await agree();
    expect(after.paid.by_kind.cash - before.paid.by_kind.cash).toBe(3_000);
    expect(after.neither.failed_fen).toBe(before.neither.failed_fen);
  });

  it('a waiting payment code is cancelled by the cashier and reversed at the institution; the sale is voided', async () => {
    const buyer = await s.buyer('UNIONPAY');
    // The stall's own wait, set on the desk (stall settings), is the order's deadline.
    s.serverDb().prepare("UPDATE stall SET code_pay_timeout_s = 20 WHERE id = 'S01'").run();
    // 3,000 元 and more waits for the buyer's password (USERPAYING).
    const r = await s.core.handlers['sale-complete']({
      lines: line(200),
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 300_000, code: await s.code(buyer) }],
    });
    expect(r.status).toBe('pending');
    expect(await nextReceipt()).toContain('付款码 待确认');
    const waiting = await s.core.handlers['sale-detail']({ sale_id: r.sale_id, paper: 80 });
    expect(waiting.tenders[0]?.deadline_ms).toBeGreaterThan(0);
    const order = s
      .serverDb()
      .prepare('SELECT deadline_ms - created_ms AS wait_ms FROM payment_order WHERE sale_id = ?')
      .get(r.sale_id) as { wait_ms: number };
    expect(order.wait_ms).toBe(20_000);
    s.serverDb().prepare("UPDATE stall SET code_pay_timeout_s = NULL WHERE id = 'S01'").run();
    const cancelled = await s.core.handlers['tender-cancel']({ sale_id: r.sale_id, tender_no: 1 });
    // The institution does not reverse while the buyer is typing: the server reverses it as soon as it may.
    if (cancelled.status === 'pending') await s.control('POST', '/clock/advance', { ms: 46_000 });
    await until(
      () => saleTenders(s.core.db, r.sale_id)[0]?.status === 'reversed',
      15_000,
      'the reversed tender',
    );
    const o = s.serverDb().prepare('SELECT state FROM payment_order WHERE sale_id = ?').get(r.sale_id) as {
      state: string;
    };
    expect(o.state).toBe('reversed');
    const mid = await agree();
    expect(mid.receivable.owed_fen).toBeGreaterThanOrEqual(300_000);
    await s.core.handlers['sale-void-open']({ sale_id: r.sale_id, reason: '顾客不买了' });
    expect(getSale(s.core.db, r.sale_id)?.status).toBe('voided');
    await s.core.handlers['sale-reprint']({ sale_id: r.sale_id });
    const reprint = await nextReceipt();
    expect(reprint).toContain('付款码 已撤销');
    expect(reprint).not.toContain('付款码 待确认');
    const end = await agree();
    expect(end.receivable.owed_fen).toBe(mid.receivable.owed_fen - 300_000);
    expect(end.neither.voided_fen - mid.neither.voided_fen).toBe(300_000);
    expect(
      (s.serverDb().prepare('SELECT status FROM sale WHERE id = ?').get(r.sale_id) as { status: string })
        .status,
    ).toBe('voided');
  });
});

describe('receipts that tell the truth', () => {
  it("a paid QR sale's reprint prints no pay QR and says 已支付 with the transaction number", async () => {
    const buyer = await s.buyer('WECHAT');
    const sale = await s.core.handlers['sale-complete']({
      lines: line(4),
      sale_discount_fen: 0,
      tenders: [{ kind: 'qr', amount_fen: 6_000 }],
    });
    const first = await printer.waitForJobs(read + 1, 10_000);
    expect(first[read]?.elements.some((e) => e.kind === 'qr')).toBe(true);
    expect(await nextReceipt()).toContain('扫码支付 待付款');
    await buyerPays(sale.pay_url!, WECHAT_UA, buyer);
    await until(() => saleTenders(s.core.db, sale.sale_id)[0]?.status === 'paid', 10_000, 'the QR paid');
    const txn = saleTenders(s.core.db, sale.sale_id)[0]!.external_ref!;
    await s.core.handlers['sale-reprint']({ sale_id: sale.sale_id });
    const jobs = await printer.waitForJobs(read + 1, 10_000);
    expect(jobs[read]?.elements.some((e) => e.kind === 'qr')).toBe(false);
    const reprint = await nextReceipt();
    expect(reprint).toContain('补打');
    expect(reprint).toContain('扫码支付 已支付');
    expect(reprint).toContain(txn);
    expect(reprint).not.toContain('请扫码付款');
    expect(reprint).not.toContain('待付款');
  });

  it('a one-line refund prints a refund slip naming that line, its tender, who refunded and who approved; reprints list it', async () => {
    const sale = await s.core.handlers['sale-complete']({
      lines: [
        ...line(2),
        { product_id: 'S01-V001', entry: { kind: 'weight', gross_g: 2_000, tare_g: 0 }, discount_fen: 0 },
      ],
      sale_discount_fen: 0,
      tenders: [{ kind: 'cash', tendered_fen: 10_000 }],
    });
    await nextReceipt();
    const r = await s.core.handlers['refund-create']({
      sale_id: sale.sale_id,
      lines: [{ line_no: 1, quantity: 2 }],
      reason: '蒜头坏了',
    });
    expect(r.amount_fen).toBe(3_000);
    const slip = await nextReceipt();
    expect(slip).toContain('退款单');
    expect(slip).toContain(r.refund_no);
    expect(slip).toContain('蒜头（网袋）');
    expect(slip).not.toContain('大白菜');
    expect(slip).toMatch(/退回现金\s+￥30\.00/);
    expect(slip).toContain('经办');
    expect(slip).toContain('批准');
    expect(slip).toContain('蒜头坏了');
    const detail = await s.core.handlers['sale-detail']({ sale_id: sale.sale_id, paper: 80 });
    expect(detail.refunded_fen).toBe(3_000);
    expect(detail.refunds).toEqual([expect.objectContaining({ refund_no: r.refund_no, amount_fen: 3_000 })]);
    await s.core.handlers['sale-reprint']({ sale_id: sale.sale_id });
    expect(await nextReceipt()).toContain(`已退款 ${r.refund_no}`);
  });
});
