// The history screen in Chromium against the real core, server and simulator: an open sale (a code
// that failed, a code still waiting) gets the failed-tender panel's actions there — a fresh payment
// code on the same sale, cancel (reversed at the institution), void — with the outcome shown; the
// refund dialog names the lines, amounts and tender that go back (整单退回 only for the whole sale);
// partly refunded sales say 部分退款 with the amount, fully refunded 已退款. Screenshots go to
// test-artifacts/ (ui-history-failed, ui-refund-dialog-line, ui-history-part-refunded).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PayStack } from '../payments/stack';
import { artifactPath } from '../helpers/browser';
import { payByCode, payUiSession } from './pay-session';
import { addByKeypad } from './stack';

const session = payUiSession();
let s: PayStack;
let page: Page;
beforeAll(() => {
  ({ s, page } = session);
});

const text = async (id: string): Promise<string> => (await page.getByTestId(id).first().textContent()) ?? '';

/** History, with the latest sale open. */
async function openLatest(): Promise<void> {
  await page.keyboard.press('F3');
  await page.getByTestId('sale-row').first().waitFor();
  await page.getByTestId('sale-row').first().click();
  await page.getByTestId('receipt-preview').waitFor();
}

describe('history actions on open sales, and what a refund gives back', () => {
  it('a failed code: 未收齐 in history, taken with a fresh code on the same sale, then 已完成', async () => {
    const buyer = await s.buyer('WECHAT');
    const stale = await s.code(buyer);
    await s.control('POST', '/clock/advance', { ms: 61_000 });
    await addByKeypad(page, 'V006', '2'); // 蒜头 2 × 15.00 = 30.00
    await addByKeypad(page, 'V003', '2.5'); // 西红柿 2.5 kg × 6.40 = 16.00
    await payByCode(page, stale);
    await page.getByTestId('tender-failed').waitFor();
    await page.keyboard.press('Enter');
    await openLatest();
    await expect.poll(() => text('detail-standing')).toBe('未收齐');
    await page.getByTestId('history-open').waitFor();
    expect(await text('tender-reason')).toContain('付款码已过期');
    expect(await text('owed')).toContain('46.00');
    await page.screenshot({ path: artifactPath('ui-history-failed.png') });
    await page.getByTestId('fresh-code').fill(await s.code(buyer));
    await page.getByTestId('fresh-code').press('Enter');
    await expect.poll(() => text('detail-standing'), { timeout: 15_000 }).toBe('已完成');
    expect(await page.getByTestId('history-open').count()).toBe(0);
    // The preview is the receipt as it stands now: the fresh code paid, nothing owed.
    await expect.poll(() => text('receipt-preview')).toContain('已支付');
    expect(await text('receipt-preview')).not.toContain('待补收');
  });

  it('a one-line refund names that line, its weight, amount and tender; the sale then says 部分退款', async () => {
    await page.getByTestId('refund-line-2').click();
    await page.getByTestId('refund').click();
    await page.getByTestId('refund-dialog').waitFor();
    expect(await text('refund-scope')).toContain('只退下面这几样');
    expect(await text('refund-scope')).not.toContain('整单退回');
    expect(await text('refund-plan-lines')).toBe('西红柿 2.5 公斤 ¥16.00');
    expect(await text('refund-plan-tenders')).toBe('退回付款码 ¥16.00');
    expect(await text('refund-amount')).toBe('¥16.00');
    await page.screenshot({ path: artifactPath('ui-refund-dialog-line.png') });
    await page.getByTestId('refund-confirm').click();
    await expect.poll(() => text('detail-standing')).toBe('部分退款 ¥16.00');
    await expect
      .poll(async () => (await page.getByTestId('sale-row').first().textContent()) ?? '')
      .toContain('部分退款 ¥16.00');
    await page.screenshot({ path: artifactPath('ui-history-part-refunded.png') });
    // The rest: not the whole sale any more (a line went back already); then 已退款.
    await page.getByTestId('refund').click();
    await page.getByTestId('refund-dialog').waitFor();
    expect(await text('refund-scope')).toContain('只退下面这几样');
    expect(await text('refund-plan-lines')).toBe('蒜头（网袋） 2 件 ¥30.00');
    await page.getByTestId('refund-confirm').click();
    await expect.poll(() => text('detail-standing')).toBe('已退款');
  });

  it('a code still waiting: cancelled from history (reversed at the institution), then the sale voided', async () => {
    const buyer = await s.buyer('ALIPAY');
    await page.keyboard.press('F1');
    await addByKeypad(page, 'V006', '200'); // 3,000.00: the buyer must type the password
    await payByCode(page, await s.code(buyer));
    await page.getByTestId('code-countdown').waitFor();
    await page.keyboard.press('Enter');
    await openLatest();
    await expect.poll(() => text('detail-standing')).toBe('待付款');
    await page.getByTestId('code-countdown').waitFor();
    await page.getByTestId('tender-cancel').click();
    await s.control('POST', '/clock/advance', { ms: 46_000 });
    await page.getByTestId('tender-failed').waitFor({ timeout: 20_000 });
    await expect.poll(() => text('detail-standing')).toBe('未收齐');
    expect(await text('tender-failed')).toContain('已撤销');
    const order = s
      .simDb()
      .prepare('SELECT state FROM orders WHERE amount_fen = 300000 ORDER BY created_at DESC LIMIT 1')
      .get() as { state: string } | undefined;
    expect(order?.state).toBe('REVOKED');
    await page.getByTestId('void-open').click();
    await expect.poll(() => text('detail-standing')).toBe('已作废');
  });
});
