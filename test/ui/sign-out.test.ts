// Signing out with sales the server has not received, in Chromium against real processes: the
// dialog says how many entries are at risk and takes a manager's PIN; a cashier's PIN is refused;
// once everything has synced, signing out asks nothing. Screenshots go to test-artifacts/.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';
import { addByKeypad, type Stack } from './stack';

let stack: Stack;
let page: Page;

useSignedInTill(undefined, { width: 1024, height: 768 }, (s, p) => {
  stack = s;
  page = p;
});
const { shot, text } = pageHelpers(() => page);

/** What the till's own database says is not yet on the server. */
function unsyncedInDb(): number {
  const db = new Database(join(stack.terminalDir, 'terminal.sqlite'), { readonly: true });
  try {
    const acked = Number(
      (db.prepare("SELECT value FROM setting WHERE key = 'acked_seq'").get() as { value: string } | undefined)
        ?.value ?? '0',
    );
    return (db.prepare('SELECT COUNT(*) AS n FROM journal WHERE seq > ?').get(acked) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('sign-out with unsynced sales in Chromium at 1024×768', () => {
  it('shows how many entries are at risk and needs a manager’s PIN', async () => {
    await stack.stopServer();
    for (const q of ['1', '2']) {
      await addByKeypad(page, 'V006', q);
      await page.keyboard.press('F9');
      await page.keyboard.press('Enter');
      await page.getByTestId('done').waitFor();
      await page.getByTestId('next').click();
    }
    const unsynced = unsyncedInDb();
    expect(unsynced).toBeGreaterThanOrEqual(2); // two sales at least

    await page.getByTestId('signout').click();
    await page.getByTestId('signout-dialog').waitFor();
    expect(await text('signout-unsynced')).toBe(`${unsynced} 笔记录尚未同步到服务器，退出需店长授权`);
    expect(await page.getByTestId('signout-manager-pin').isVisible()).toBe(true);
    expect(await page.getByTestId('signout-confirm').isDisabled()).toBe(true);
    await shot('signout-manager');
    expect(await seriousViolations(page)).toEqual([]);

    // The cashier's own PIN is not a manager's: still signed in, the dialog says so.
    await page.getByTestId('signout-manager-pin').fill('1234');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '不是店长的密码' }).waitFor();
    expect(await page.getByTestId('signout-dialog').isVisible()).toBe(true);
    await shot('signout-wrong-pin');

    // Esc keeps the cashier signed in.
    await page.keyboard.press('Escape');
    await page.getByTestId('signout-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('product-grid').isVisible()).toBe(true);

    await page.getByTestId('signout').click();
    await page.getByTestId('signout-manager-pin').fill('8888');
    await page.getByTestId('signout-confirm').click();
    await page.getByTestId('pin').waitFor();
    expect(await page.getByTestId('signout-dialog').count()).toBe(0);
  });

  it('asks nothing once every entry has reached the server', async () => {
    await stack.startServer();
    await page.getByTestId('pin').fill('1234');
    await page.getByTestId('signin').click();
    await page.getByTestId('product-grid').waitFor();
    await expect.poll(() => text('queue'), { timeout: 30_000 }).toMatch(/^待同步 0 笔/);
    await page.getByTestId('signout').click();
    await page.getByTestId('pin').waitFor();
    expect(await page.getByTestId('signout-dialog').count()).toBe(0);
  });
});
