/**
 * The cashier's screen in Chromium in front of the real terminal core, server and payment
 * simulator (test/payments/stack.ts), through the till's HTTP transport, with a cashier signed in.
 * Registers the calling file's hooks: set up before all, a screenshot of a failed test, torn down after all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { RENDERER_DIR } from '../../bin/cli/roles';
import { startHttpTransport, type HttpTransport } from '../../src-main/rpc/http-transport';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startPayStack, type PayStack } from '../payments/stack';

export interface PaySession {
  s: PayStack;
  page: Page;
  http: HttpTransport;
  browser: Browser;
}

export function payUiSession(): PaySession {
  const session = {} as PaySession;
  let http: HttpTransport | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    session.s = await startPayStack();
    http = await startHttpTransport({
      handlers: session.s.core.handlers,
      events: session.s.core.events,
      port: 0,
      staticDir: RENDERER_DIR,
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(8_000);
    await page.goto(http.uiUrl);
    await page.getByTestId('pin').fill('1234');
    await page.getByTestId('signin').click();
    await page.getByTestId('product-grid').waitFor();
    session.page = page;
    session.http = http;
    session.browser = browser;
  }, 90_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await session.page?.screenshot({ path: artifactPath(`ui-FAILED-${ctx.task.name.slice(0, 30)}.png`) });
  });
  afterAll(async () => {
    await browser?.close();
    await http?.close();
    await session.s?.close();
  });
  return session;
}

/** Pays the cart with a payment code typed as a scanner would (F9, the code, Enter), and waits for the done screen. */
export async function payByCode(page: Page, code: string): Promise<void> {
  await page.keyboard.press('F9');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('payment-code').inputValue()).toBe(code);
  await page.keyboard.press('Enter');
  await page.getByTestId('done').waitFor();
}
