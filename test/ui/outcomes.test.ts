// Tender outcomes on the cashier's screen in Chromium, against the real core, server and simulator:
// an expired payment code is said in large type with its reason and taken in cash on the same sale;
// a code waiting for the buyer's password counts down with a cancel button; the Z report shows the
// receivable. Screenshots go to test-artifacts/ (ui-tender-failed, ui-code-countdown, ui-z-receivable).
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

describe('tender outcomes in Chromium', () => {
  it('an expired payment code: the reason in large type, then taken in cash on the same sale', async () => {
    const buyer = await s.buyer('WECHAT');
    const stale = await s.code(buyer);
    await s.control('POST', '/clock/advance', { ms: 61_000 });
    await addByKeypad(page, 'V006', '2'); // 30.00
    await payByCode(page, stale);
    await page.getByTestId('tender-failed').waitFor();
    expect(await page.getByTestId('tender-reason').textContent()).toContain('付款码已过期');
    expect(await page.getByTestId('done-title').textContent()).toContain('未收齐');
    expect(await page.getByTestId('owed').textContent()).toContain('30.00');
    await page.screenshot({ path: artifactPath('ui-tender-failed.png') });
    await page.getByTestId('take-cash').click();
    await expect
      .poll(() => page.getByTestId('done-title').textContent(), { timeout: 10_000 })
      .toContain('收款完成');
    await page.keyboard.press('Enter');
  });

  it('a payment code waiting for the password counts down to the deadline, with a cancel button', async () => {
    const buyer = await s.buyer('ALIPAY');
    await addByKeypad(page, 'V006', '200'); // 3,000.00: the buyer must type the password
    await payByCode(page, await s.code(buyer));
    await page.getByTestId('code-countdown').waitFor();
    await page.getByTestId('tender-cancel').waitFor();
    await page.screenshot({ path: artifactPath('ui-code-countdown.png') });
    await page.getByTestId('tender-cancel').click();
    // The institution reverses it once the buyer stops typing (its 45 s revoke): the sale is owed.
    await s.control('POST', '/clock/advance', { ms: 46_000 });
    await page.getByTestId('tender-failed').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
  });

  it('the Z report shows the receivable beside the takings, and they add up to the sales', async () => {
    await page.keyboard.press('F7');
    await page.getByTestId('z-report').waitFor();
    expect(await page.getByTestId('z-recv-owed').textContent()).toContain('3000.00');
    expect(await page.getByTestId('z-balance').textContent()).toContain('实收 + 应收未收 = 销售额');
    await page.getByTestId('z-print').waitFor(); // prints the same figures: test/print/report-slips.test.ts
    await page.screenshot({ path: artifactPath('ui-z-receivable.png'), fullPage: true });
  });
});
