/**
 * The desk's Chromium suites: real processes (server with demo data, an enrolled
 * till in browser mode holding its signed event stream, the printer emulator),
 * one page at the till signed in with a PIN and one at the staff web signed in
 * as the given staff member, at the desk's 1366×768 unless told.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_STAFF } from '../../src-server/demo/seed';
import { artifactPath } from '../helpers/browser';
import { signedInPage, startStack, type Stack } from '../ui/stack';

export interface Desk {
  stack: Stack;
  till: Page;
  desk: Page;
  shot(name: string): Promise<Buffer>;
}

export async function deskLogin(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

export function useDesk(
  opts: { who?: { username: string; password: string }; viewport?: { width: number; height: number } } = {},
): () => Desk {
  let d: Desk | null = null;
  beforeAll(async () => {
    const stack = await startStack();
    const till = await signedInPage(stack);
    if (!stack.browser) throw new Error('no browser');
    const ctx = await stack.browser.newContext({
      viewport: opts.viewport ?? { width: 1366, height: 768 },
      locale: 'zh-CN',
      bypassCSP: true,
      acceptDownloads: true,
    });
    const desk = await ctx.newPage();
    desk.setDefaultTimeout(8_000);
    await desk.goto(`${stack.server.url}/admin/`);
    await deskLogin(desk, opts.who ?? DEMO_STAFF);
    d = { stack, till, desk, shot: (name) => desk.screenshot({ path: artifactPath(`desk-${name}.png`) }) };
  }, 90_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await d?.desk.screenshot({ path: artifactPath(`desk-FAILED-${ctx.task.name.slice(0, 30)}.png`) });
  });
  afterAll(async () => {
    await d?.stack.close();
  });
  return () => {
    if (!d) throw new Error('desk not started');
    return d;
  };
}
