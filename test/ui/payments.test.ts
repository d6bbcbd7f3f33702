// Paying by phone through the cashier's screen in Chromium, against the real terminal core, server
// and payment-institution simulator (test/payments/stack.ts) with the till's HTTP transport in
// front of the core: a sale by weight paid by QR that a simulated WeChat buyer confirms, and a
// buyer's payment code scanned at the till. Screenshots go to test-artifacts/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buyerPays, WECHAT_UA, type PayStack } from '../payments/stack';
import { artifactPath } from '../helpers/browser';
import { payUiSession } from './pay-session';
import { addByKeypad } from './stack';

const session = payUiSession();
let s: PayStack;
let page: Page;
beforeAll(() => {
  ({ s, page } = session);
});

const text = async (id: string): Promise<string> => (await page.getByTestId(id).textContent()) ?? '';

describe('paying by phone in Chromium', () => {
  it('a sale by weight paid by QR: the code is shown large, the buyer pays, the screen turns paid', async () => {
    await addByKeypad(page, 'V003', '2.5'); // 西红柿 2.5 kg × 6.40 = 16.00
    await page.keyboard.press('F9');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await page.getByTestId('qr-wait').waitFor();
    const payUrl = (await page.getByTestId('qr-box').getAttribute('data-pay-url')) ?? '';
    expect(payUrl).toMatch(/^https?:\/\/.+\/p\//);
    await page.getByTestId('qr-box').locator('img').waitFor();
    expect(await text('tender-status-qr')).toContain('等待付款');
    await page.screenshot({ path: artifactPath('ui-qr-shown.png') });

    const buyer = await s.buyer('WECHAT');
    const paid = await buyerPays(payUrl, WECHAT_UA, buyer);
    expect(paid.landing).toBe(302);
    await expect
      .poll(() => page.getByTestId('tender-status-qr').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('paid');
    expect(await text('tender-status-qr')).toContain('已付款');
    await page.getByTestId('qr-paid').waitFor();
    expect(await page.locator('#done-title').textContent()).toBe('收款完成');
    await page.screenshot({ path: artifactPath('ui-qr-paid.png') });
    await page.keyboard.press('Enter');
  });

  it("a buyer's payment code scanned at the till", async () => {
    await addByKeypad(page, 'V006', '1'); // 15.00
    await page.keyboard.press('F9');
    const code = await s.code(await s.buyer('ALIPAY'));
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('payment-code').inputValue()).toBe(code);
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    await expect
      .poll(() => page.getByTestId('tender-status-payment_code').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('paid');
    await page.screenshot({ path: artifactPath('ui-code-paid.png') });
    await page.keyboard.press('Enter');
  });
});
