// The sale in progress lives in the core: a reload of the till page in the middle of a sale finds it
// resumed (lines and buyer) and completes it once; parked sales take a name, survive a reload, and the
// right one of two comes back. Chromium against real server + terminal processes; screenshots in test-artifacts/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';
import { addByKeypad } from './stack';

let page: Page;

useSignedInTill(
  { buyers: [{ name: '张老板饭店', credit_limit_fen: 50_000 }] },
  { width: 1024, height: 768 },
  (_stack, p) => {
    page = p;
  },
);
const { shot, text } = pageHelpers(() => page);

const lineNames = async (): Promise<string[]> =>
  (await page.getByTestId('cart-line').locator('.line-main').allTextContents()).map((t) => t.trim());

async function reload(): Promise<void> {
  await page.reload();
  await page.getByTestId('product-grid').waitFor();
}

async function park(name: string, screenshot?: string): Promise<void> {
  await page.keyboard.press('F5');
  await page.getByTestId('park-name').fill(name);
  if (screenshot) await shot(screenshot);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('cart-line').count()).toBe(0);
}

describe('the sale in progress survives the page', () => {
  it('a reload in the middle of a sale resumes its lines and buyer, and it completes once', async () => {
    await addByKeypad(page, 'V002', '4'); // 土豆 4 斤 = 7.20
    await addByKeypad(page, 'V006', '2'); // 2 × 15.00 = 30.00
    await page.keyboard.press('F9');
    await page.getByTestId('method-account').click();
    await page.getByTestId('buyer-张老板饭店').click();
    await page.keyboard.press('Escape'); // the buyer steps back to add something: the sale stays open
    const before = await lineNames();
    expect(before).toHaveLength(2);
    await expect.poll(() => text('cart-total')).toBe('¥37.20');

    await reload();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    expect(await lineNames()).toEqual(before);
    expect(await text('cart-total')).toBe('¥37.20');
    await shot('reload-resumed');
    await page.keyboard.press('F9');
    await page.getByTestId('method-account').click();
    // The buyer came back with the sale: paying on account needs no second pick.
    await expect.poll(() => page.getByTestId('buyer-张老板饭店').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('confirm-pay').click();
    await page.getByTestId('done').waitFor();
    expect(await text('print-state')).toBe('小票已打印');
    await shot('reload-completed');
    await page.getByTestId('next').click();
    await page.getByTestId('done').waitFor({ state: 'detached' });

    // Completed: the core no longer holds it, so another reload brings back an empty cart.
    await reload();
    expect(await page.getByTestId('cart-line').count()).toBe(0);
    const sales = await page.evaluate(async () => {
      const token = sessionStorage.getItem('markettill.token') ?? '';
      const res = await fetch('/rpc/sales-recent', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-markettill-token': token },
        body: JSON.stringify({ limit: 10 }),
      });
      return ((await res.json()) as { value: { sales: { total_fen: number }[] } }).value.sales;
    });
    expect(sales.filter((s) => s.total_fen === 3720)).toHaveLength(1);
  });

  it('two parked trucks by name: the list tells them apart after a reload, and the right one resumes', async () => {
    await addByKeypad(page, 'V002', '10'); // 土豆 10 斤 = 18.00
    await park('粤A·12345', 'park-name');
    await addByKeypad(page, 'V006', '3'); // 3 × 15.00 = 45.00
    await park('李老板 三轮车');
    await page.keyboard.press('F2');
    await expect
      .poll(() => page.getByTestId('parked-name').allTextContents())
      .toEqual(['粤A·12345', '李老板 三轮车']);
    await reload();
    await page.keyboard.press('F2');
    await expect
      .poll(() => page.getByTestId('parked-name').allTextContents())
      .toEqual(['粤A·12345', '李老板 三轮车']);
    await shot('parked-named');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('parked-item').filter({ hasText: '李老板 三轮车' }).click();
    await expect.poll(() => text('cart-total')).toBe('¥45.00');
    // The resumed sale is the sale in progress at the core: a reload keeps it.
    await reload();
    await expect.poll(() => text('cart-total')).toBe('¥45.00');
    await page.getByTestId('pay-cash').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    await page.getByTestId('next').click();
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('parked-name').allTextContents()).toEqual(['粤A·12345']);
  });
});
