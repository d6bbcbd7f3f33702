// The cashier's selling screens in Chromium against real server + terminal processes and the
// printer emulator: cash with change, on account within and over the limit, split tender with a
// pending QR part, park/resume, and a refund that needs a manager's PIN. Screenshots go to test-artifacts/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';
import { addByKeypad, type Stack } from './stack';

let stack: Stack;
let page: Page;

useSignedInTill(
  { buyers: [{ name: '张老板饭店', credit_limit_fen: 50_000 }] },
  { width: 1024, height: 768 },
  (s, p) => {
    stack = s;
    page = p;
  },
);
const { shot, text } = pageHelpers(() => page);

async function finish(): Promise<void> {
  await page.getByTestId('next').click();
  await page.getByTestId('done').waitFor({ state: 'detached' });
}

describe('selling in Chromium at 1024×768', () => {
  it('cash with change, with search by pinyin initials, tare and a line discount', async () => {
    await page.getByTestId('search').fill('xhs'); // 西红柿 by its pinyin initials
    await expect.poll(() => page.getByTestId('product-grid').locator('.product').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter'); // 2.5 kg × 6.40 = 16.00
    await addByKeypad(page, 'V001', '3'); // 3 斤 × 1.20 = 3.60
    await page.getByTestId('cart-line').first().locator('.line-main').click();
    await page.getByTestId('line-tare').click();
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter'); // 2 kg net: 12.80
    await page.getByTestId('line-discount').click();
    await page.keyboard.type('0.8');
    await page.keyboard.press('Enter'); // 12.00
    await expect.poll(() => text('cart-total')).toBe('¥15.60');
    await shot('cart');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('F9');
    await page.getByTestId('quick-2000').click();
    await expect.poll(() => text('change-preview')).toContain('4.40');
    await shot('pay-cash');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    expect(await text('change')).toContain('¥4.40');
    expect(await text('print-state')).toBe('小票已打印');
    await shot('done-cash');
    await finish();
  });

  it('on account: within the limit, and refused over it with what to do', async () => {
    await addByKeypad(page, 'V006', '4'); // 4 × 15.00 = 60.00
    await page.getByTestId('pay-cash').click();
    await page.getByTestId('method-account').click();
    await page.getByTestId('buyer-张老板饭店').click();
    await shot('pay-account');
    await page.getByTestId('confirm-pay').click();
    await page.getByTestId('done').waitFor();
    await finish();

    await addByKeypad(page, 'V006', '30'); // 450.00 > 500 − 60 = 440 left
    await page.getByTestId('pay-cash').click();
    await page.getByTestId('method-account').click();
    await expect.poll(() => page.getByTestId('buyers').textContent()).toContain('440.00');
    await page.getByTestId('buyer-张老板饭店').click();
    await page.getByTestId('confirm-pay').click();
    await expect.poll(() => text('pay-problem')).toContain('最多还能赊 ¥440.00');
    await shot('pay-account-over');
    // Split in one tap: 440 on account, the rest in cash.
    await page.getByTestId('account-fits').click();
    await expect.poll(() => text('pay-left')).toBe('¥10.00');
    await page.getByTestId('confirm-pay').click();
    await page.getByTestId('done').waitFor();
    expect(await text('change')).toContain('¥0.00');
    await finish();
  });

  it('split tender with a pending QR part shows the code large and waits for payment', async () => {
    await addByKeypad(page, 'V004', '10'); // 10 斤 × 2.50 = 25.00
    await page.keyboard.press('F9');
    await page.keyboard.press('F2'); // QR
    await page.getByTestId('part-amount').fill('20');
    await page.keyboard.press('F6');
    await page.keyboard.press('F1'); // the rest in cash
    await page.getByTestId('tendered').fill('10');
    await shot('pay-split');
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    expect(await text('change')).toContain('¥5.00');
    await page.getByTestId('qr-wait').waitFor();
    await expect.poll(() => page.getByTestId('tender-status-qr').getAttribute('data-status')).toBe('pending');
    expect(await text('tender-status-qr')).toContain('等待付款');
    await shot('done-qr-pending');
    expect(await seriousViolations(page)).toEqual([]);
    await finish();
  });

  it('a payment code scanned while paying goes to the payment code tender; the sale waits as pending', async () => {
    await addByKeypad(page, 'V005', '1'); // 大葱 1 kg = 4.80
    await page.keyboard.press('F9');
    await page.getByTestId('tendered').waitFor(); // focus is in the cash field: the scan must not land there
    await page.keyboard.type('134567890123456789');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('payment-code').inputValue()).toBe('134567890123456789');
    expect(await page.getByTestId('tendered').count()).toBe(0);
    await shot('pay-code');
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('tender-status-payment_code').getAttribute('data-status')).toBe('pending');
    await finish();
  });

  it('parks a sale, serves another buyer, resumes it', async () => {
    await addByKeypad(page, 'V002', '4'); // 土豆 4 斤 = 7.20
    await page.keyboard.press('F5');
    await page.getByTestId('park-name').waitFor();
    await page.keyboard.press('Enter'); // parked without a name
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(0);
    await page.keyboard.press('F2');
    await page.getByTestId('parked-item').first().waitFor();
    await shot('parked');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('parked-item').first().click();
    await expect.poll(() => text('cart-total')).toBe('¥7.20');
    await page.getByTestId('pay-cash').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    await finish();
  });

  it('refunds a sale above the cashier limit with a manager PIN, and reprints', async () => {
    await page.keyboard.press('F3');
    await page.getByTestId('sale-row').first().waitFor();
    // One line of the first sale back (3.60, within the cashier's limit): no manager needed.
    await page.getByTestId('history-search').fill('0001');
    await expect
      .poll(async () => (await page.getByTestId('sale-row').allTextContents()).join('|'))
      .toMatch(/^0001[^|]*$/);
    await page.getByTestId('sale-row').first().click();
    await page.getByTestId('refund-line-2').click();
    await expect.poll(() => text('refund')).toContain('3.60');
    await page.getByTestId('refund').click();
    // The dialog opens once the core has planned the refund (refund-preview): Enter confirms it then.
    await page.getByTestId('refund-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => text('notice')).toContain('已退款 ¥3.60');
    await expect.poll(() => text('refund')).toContain('12.00');
    await shot('refund-line');
    // The on-account sale of 60.00 (above the 50.00 limit).
    await page.getByTestId('history-search').fill('0002');
    await expect
      .poll(async () => (await page.getByTestId('sale-row').allTextContents()).join('|'))
      .toMatch(/^0002[^|]*$/);
    await page.getByTestId('sale-row').first().click();
    await expect.poll(() => text('receipt-preview')).toContain('蒜头');
    await shot('history');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('reprint').click();
    await expect.poll(() => text('notice')).toContain('已重打');
    await expect.poll(() => stack.printer.jobs.some((j) => j.text.includes('补打'))).toBe(true);

    await page.getByTestId('refund').click();
    await page.getByTestId('refund-confirm').click();
    await page.getByTestId('manager-pin').waitFor();
    await page.getByTestId('manager-pin').fill('1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '不是店长的密码' }).count()).toBe(1);
    await page.getByTestId('manager-pin').fill('8888');
    await shot('refund-manager');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('notice')).toContain('已退款 ¥60.00');
    expect(await text('refunded')).toContain('60.00');
    await shot('refund-done');
  });

  it('settings switch the language to English and back', async () => {
    await page.keyboard.press('F8');
    await page.getByTestId('printer-test').click();
    await expect.poll(() => text('notice')).toContain('测试页已打印');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('nav-selling').textContent()).toContain('Sell');
    await shot('settings-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('F1');
    await shot('selling-en');
    await page.keyboard.press('F8');
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-selling').textContent()).toContain('收银');
  });
});
