// Large amounts in Chromium (issue 7): a 6,000 元 sale tendered by QR is refused on the pay panel with the reason and
// the "B2B 网关付款" offer; taken via the gateway, the screen shows the bank link's QR, the buyer's company pays on the
// simulator's bank page, and the screen turns paid. Real terminal core, server and simulator. Screenshots in test-artifacts/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { payUiSession } from './pay-session';
import { addByKeypad } from './stack';

const session = payUiSession();
let page: Page;
beforeAll(() => {
  ({ page } = session);
});

describe('a large sale in Chromium', () => {
  it('is refused by QR with the reason, taken via the B2B gateway, paid on the bank page, and turns paid', async () => {
    await addByKeypad(page, 'V006', '400'); // 蒜头 400 × 15.00 = 6000.00
    await page.keyboard.press('F9');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pay-problem').textContent()).toContain('限额 ¥5000.00');
    await page.getByTestId('use-gateway').waitFor();
    await page.screenshot({ path: artifactPath('ui-gateway-refused.png') });

    await page.getByTestId('use-gateway').click();
    await page.getByTestId('gateway-body').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('qr-wait').waitFor();
    const link = (await page.getByTestId('qr-box').getAttribute('data-pay-url')) ?? '';
    expect(link).toMatch(/^https?:\/\/.+\/g\//);
    await page.getByTestId('qr-box').locator('img').waitFor();
    expect(await page.getByTestId('gateway-caption').textContent()).toContain('企业网银');
    expect(await page.getByTestId('tender-status-qr').textContent()).toContain('B2B 网关付款');
    await page.screenshot({ path: artifactPath('ui-gateway-shown.png') });

    const first = await fetch(link, { redirect: 'manual' });
    const bank = first.headers.get('location') ?? '';
    expect(first.status).toBe(302);
    const paid = await fetch(`${bank}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'company=%E5%BC%A0%E8%80%81%E6%9D%BF',
    });
    expect(await paid.text()).toContain('转账成功');
    await expect
      .poll(() => page.getByTestId('tender-status-qr').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('paid');
    expect(await page.locator('#done-title').textContent()).toBe('收款完成');
    await page.screenshot({ path: artifactPath('ui-gateway-paid.png') });
    await page.keyboard.press('Enter');
  }, 60_000);
});
