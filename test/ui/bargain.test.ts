// Bargaining at the till in Chromium against real server + terminal processes: a line bargained within the
// stall's floor needs one press for the reason; below it the manager's PIN (a cashier's PIN refused); an
// ad-hoc 抹零 to the 元; the decoded receipt shows 原价…已议价 and 抹零. Screenshots go to test-artifacts/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';
import { addByKeypad, type Stack } from './stack';

let stack: Stack;
let page: Page;

// 西红柿 (V003) lists at 6.40元/kg: a cashier may go down to 80 % of it (5.12) alone.
useSignedInTill({ settings: { price_override_floor_pct: 80 } }, { width: 1024, height: 768 }, (s, p) => {
  stack = s;
  page = p;
});
const { shot, text } = pageHelpers(() => page);

async function bargain(line: number, price: string): Promise<void> {
  const row = page.getByTestId('cart-line').nth(line);
  if ((await row.getAttribute('aria-current')) !== 'true') await row.locator('.line-main').click();
  await page.getByTestId('line-price').click();
  await page.keyboard.type(price); // the first key replaces the prefilled list price
  await page.keyboard.press('Enter');
  await page.getByTestId('bargain-dialog').waitFor();
}

describe('bargaining at the till (Chromium, 1024×768)', () => {
  it('a price below the cashier floor needs the manager PIN; 抹零 to the 元; the receipt shows both', async () => {
    await addByKeypad(page, 'V003', '10'); // 10 kg × 6.40 = 64.00
    await bargain(0, '6');
    await shot('bargain-reason');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('bargain-reason-bulk').click(); // 6.00 ≥ 5.12: no manager
    await page.getByTestId('bargain-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => text('cart-total')).toBe('¥60.00');
    expect(await text('line-bargained')).toContain('6.40');

    await bargain(0, '5'); // below 5.12: the manager approves
    await page.getByTestId('bargain-reason-regular').click();
    await page.getByTestId('bargain-manager-pin').waitFor();
    await page.getByTestId('bargain-manager-pin').fill('1234'); // the cashier's own PIN is not a manager's
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('不是店长的密码');
    await expect.poll(() => text('cart-total')).toBe('¥60.00');
    await page.getByTestId('bargain-manager-pin').fill('8888');
    await shot('bargain-manager');
    await page.keyboard.press('Enter');
    await page.getByTestId('bargain-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => text('cart-total')).toBe('¥50.00');

    await addByKeypad(page, 'V001', '3'); // 3 斤 × 1.20 = 3.60 → 53.60
    await expect.poll(() => text('cart-total')).toBe('¥53.60');
    await page.getByTestId('round-off').click();
    await page.keyboard.press('Enter'); // prefilled 53.00
    await page.getByTestId('bargain-reason-regular').click();
    await page.getByTestId('bargain-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => text('cart-total')).toBe('¥53.00');
    expect(await text('cart-round-off')).toContain('0.60');
    await shot('bargain-cart');

    const before = stack.printer.jobs.length;
    await page.keyboard.press('F9');
    await page.keyboard.press('Enter'); // exact cash
    await page.getByTestId('done').waitFor();
    const receipt = (await stack.printer.waitForJobs(before + 1)).at(-1)?.text ?? '';
    console.log(receipt);
    expect(receipt).toMatch(/原价6\.40元\/公斤\s+已议价/);
    expect(receipt).toMatch(/抹零\s+-￥0\.60/);
    expect(receipt).toMatch(/合计\s+￥53\.00/);
    await page.getByTestId('next').click();
  });
});
