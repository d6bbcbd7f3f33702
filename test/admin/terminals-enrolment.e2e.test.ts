/**
 * The staff web's terminals page in Chromium with half-done enrolments (issue 20): a code outstanding
 * and a code used (when, from where) by a till that never pulled its configuration, both 待完成; staff
 * cancel the second, and that till's key is refused with a clear message. Screenshot in test-artifacts/.
 */
import type { FastifyInstance } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src-server/app';
import { DEMO_STAFF, seedDemo } from '../../src-server/demo/seed';
import { enrolTerminal } from '../../src-server/terminals/enrolment';
import { createTerminal } from '../../src-server/terminals/terminals';
import { artifactPath, launchChromium } from '../helpers/browser';
import { freshDb, type FreshDb } from '../server/helpers/dialects';
import { seriousViolations } from '../ui/axe';

let f: FreshDb;
let app: FastifyInstance;
let url = '';
let browser: Browser;
let page: Page;
let halfDone = { terminal_id: '', pairing_code: '' };
const till = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

beforeAll(async () => {
  f = await freshDb('sqlite');
  await seedDemo(f.db, Date.now());
  halfDone = await createTerminal(f.db, 'S01', '2号收银台', Date.now());
  // The till's enrolment reached the server from the stall's PC; its answer never got back.
  await enrolTerminal(f.db, halfDone.pairing_code, till, Date.now() - 120_000, '192.168.10.23');
  app = buildApp({ db: f.db });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  const ctx = await browser.newContext({
    viewport: { width: 1366, height: 800 },
    locale: 'zh-CN',
    bypassCSP: true,
  });
  page = await ctx.newPage();
  page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await f?.drop();
});

describe('terminals page: half-done enrolments', () => {
  it('shows them as 待完成 with when and from where, and cancels one', async () => {
    await page.goto(`${url}/admin/`);
    await page.getByLabel('用户名').fill(DEMO_STAFF.username);
    await page.getByLabel('密码').fill(DEMO_STAFF.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '收银终端' }).click();
    const row = page.locator('tr', { hasText: '2号收银台' });
    await row.getByText('待完成').waitFor();
    expect(await row.innerText()).toMatch(/由 192\.168\.10\.23 使用配对码，收银机尚未下载配置/);
    const demo = page.locator('tr', { hasText: '1号收银台' });
    expect(await demo.innerText()).toMatch(/待完成[\s\S]*配对码未使用，.* 过期/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('admin-terminals-pending.png'), fullPage: true });

    await row.getByRole('button', { name: '取消配对' }).click();
    await row.getByText('已吊销').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await page.screenshot({ path: artifactPath('admin-terminals-cancelled.png'), fullPage: true });

    const retry = await fetch(`${url}/api/v1/terminals/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pairing_code: halfDone.pairing_code, public_key_pem: till }),
    });
    expect(retry.status).toBe(403);
    expect(await retry.json()).toMatchObject({
      error: { code: 'terminal_revoked', message: expect.stringMatching(/cancelled/) },
    });
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', '=', 'terminalEnrolCancel')
      .execute();
    expect(audit).toEqual([{ action: 'terminalEnrolCancel', target: halfDone.terminal_id }]);
  });
});
