// End of a cashier's shift and of the stall's day, in Chromium against real processes:
// counted cash against what the till expects (over/short), then the manager closes the day and
// the Z report is on screen. Screenshots go to test-artifacts/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';
import { addByKeypad } from './stack';

let page: Page;

useSignedInTill(undefined, { width: 1024, height: 768 }, (_stack, p) => {
  page = p;
});
const { shot, text } = pageHelpers(() => page);

describe('shift and day close in Chromium at 1024×768', () => {
  it('opens a shift with a float, sells, closes it with counted cash and shows the shortfall', async () => {
    await page.keyboard.press('F6');
    await page.getByTestId('float').fill('100');
    await page.getByTestId('shift-open-btn').click();
    await page.getByTestId('shift-open').waitFor();
    await page.keyboard.press('F1');
    await addByKeypad(page, 'V006', '2'); // 30.00 cash
    await page.keyboard.press('F9');
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('F6');
    await expect.poll(() => text('expected-cash')).toBe('¥130.00');
    await page.getByTestId('counted').fill('128.5');
    await shot('shift-count');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('shift-close').click();
    await expect.poll(() => text('over-short')).toContain('短款 ¥1.50');
    await shot('shift-closed');
  });

  it('a cashier is told the day close needs the manager; the manager closes it and sees the Z report', async () => {
    await page.keyboard.press('F7');
    await page.getByTestId('z-report').waitFor();
    expect(await text('z-count')).toBe('1');
    expect(await page.getByTestId('day-close').count()).toBe(0);
    await shot('day-needs-manager');

    // Signing out with entries still on their way to the server would ask for the manager's PIN first (test/ui/sign-out.test.ts).
    await expect.poll(() => text('queue'), { timeout: 30_000 }).toMatch(/^待同步 0 笔/);
    await page.getByTestId('day-manager-signin').click();
    await page.getByTestId('pin').waitFor();
    expect(await seriousViolations(page)).toEqual([]); // the sign-in screen
    await page.screenshot({ path: artifactPath('ui-signin.png') });
    await page.getByTestId('pin').fill('8888');
    await page.getByTestId('signin').click();
    await page.getByTestId('z-report').waitFor(); // back on the day screen, now as the manager
    await page.getByTestId('day-close').click();
    await page.getByTestId('day-close-confirm').click();
    await page.getByTestId('day-closed').waitFor();
    expect(await text('z-net')).toBe('¥30.00');
    await shot('day-closed');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
