/**
 * The staff web in Chromium against a real server (Fastify on a socket, the
 * built app at /admin/, a fresh SQLite database with the demo market and a
 * day of trade): log in, read the dashboard, confirm a day whose Z report
 * differs, reconcile the institution's bill and work every difference to
 * closed, enrol a terminal. Screenshots land in test-artifacts/.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src-server/app';
import { seedDemo, DEMO_STAFF } from '../../src-server/demo/seed';
import { createServices } from '../../src-server/services';
import { JOB_KINDS } from '../../src-server/jobs/handlers';
import { startJobWorker, type JobWorker } from '../../src-server/jobs/worker';
import { artifactPath, launchChromium } from '../helpers/browser';
import { seriousViolations } from '../ui/axe';
import { freshDb, type FreshDb } from '../server/helpers/dialects';
import { institutionDouble, seedMarketDay } from './fixtures';

const DAY = '20261120';
let f: FreshDb;
let app: FastifyInstance;
let worker: JobWorker;
let url = '';
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: artifactPath(`admin-${name}.png`), fullPage: true });

beforeAll(async () => {
  f = await freshDb('sqlite');
  await seedDemo(f.db, Date.now());
  await seedMarketDay(f.db, DAY, Date.now());
  const services = createServices({ recon: institutionDouble(f.db, DAY) });
  app = buildApp({ db: f.db, services });
  // The reconciliation the page starts is a job: this process's worker runs it, as the server's would.
  worker = startJobWorker({ db: f.db, services, worker_id: 'e2e', kinds: JOB_KINDS, poll_ms: 100 });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  const ctx = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    bypassCSP: true,
  });
  page = await ctx.newPage();
  page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
  await app?.close();
  await f?.drop();
});

describe('staff web in Chromium', () => {
  it('login: a wrong password is told, the right one opens the dashboard', async () => {
    await page.goto(`${url}/admin/`);
    await page.getByLabel('用户名').fill(DEMO_STAFF.username);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('登录失败');
    await shot('login-failed');
    await page.getByLabel('密码').fill(DEMO_STAFF.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '今日概览' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('dashboard: the day’s takings, per stall and tender, hour by hour, terminals with sync lag', async () => {
    await page.getByLabel('营业日').fill('2026-11-20');
    await page.getByText('¥2,179.70').first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('老王蔬菜批发');
    expect(text).toContain('¥1,809.70');
    expect(text).toContain('扫码');
    expect(await page.locator('svg.bars rect[fill="#1f7a4d"]').count()).toBe(7);
    expect(await page.locator('.pill.ok').count()).toBe(1);
    await shot('dashboard');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Takings').waitFor();
    await shot('dashboard-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('end of day: the differing Z report is highlighted and needs a note; both stalls confirmed', async () => {
    await page.getByRole('button', { name: '日结核对' }).click();
    const s01 = page.getByRole('region', { name: '老王蔬菜批发' });
    await s01.locator('td.bad').first().waitFor();
    expect(await s01.innerText()).toContain('终端日结时少 1 笔、¥290.00');
    const confirm01 = s01.getByRole('button', { name: '确认日结' });
    expect(await confirm01.isDisabled()).toBe(true);
    await shot('end-of-day');
    await s01.getByLabel('说明（有差异时必填）').fill('下午一笔赊账在日结后才同步，已核对');
    await confirm01.click();
    await s01.getByText('已确认').waitFor();
    const s02 = page.getByRole('region', { name: '李记水果行' });
    await s02.getByRole('button', { name: '确认日结' }).click();
    await s02.getByText('已确认').waitFor();
    await shot('end-of-day-confirmed');
  });

  it('reconciliation: the bill is matched, safe differences resolve themselves, staff close the rest', async () => {
    await page.getByRole('button', { name: '对账差错' }).click();
    await page.getByText('该日尚未对账').waitFor();
    await page.getByRole('button', { name: '拉取账单并对账' }).click();
    // The run answers at once with its job; the page follows the job until it is done, then shows the day.
    await page.locator('[data-job-state]').waitFor();
    await page.locator('[data-job-state="done"]').getByText('对账完成').waitFor();
    await page.getByText('待处理 3 条').waitFor();
    await shot('recon-job-done');
    expect(await page.locator('tr.resolved').count()).toBe(2);
    await shot('recon-queue');
    const row = (no: string) => page.locator(`tr[data-item="${no}"]`);
    await row('Q8888').getByRole('button', { name: '执行' }).click();
    await row('Q8888').getByRole('alert').getByText('本地没有这笔订单').waitFor();
    await shot('recon-bu-dan-refused');
    await row('Q8888').getByLabel('处理').selectOption('suspense');
    await row('Q8888').getByLabel('备注').fill('机构有单，收银台无记录，待查');
    await row('Q8888').getByRole('button', { name: '执行' }).click();
    await row('Q8888').getByText('已挂账').waitFor();
    await row('Q9002').getByRole('button', { name: '执行' }).click();
    await row('Q9002').getByText('已挂账').waitFor();
    await row('Q1605').getByLabel('备注').fill('买家改付现金，收银员已补录');
    await row('Q1605').getByRole('button', { name: '执行' }).click();
    await page.getByText('已平账：无未解释差错').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('recon-closed');
  });

  it('settlement and terminals: the institution’s bill beside ours; enrol shows code and QR; revoke', async () => {
    await page.getByRole('button', { name: '结算报表' }).click();
    await page.getByText('T+1 应结').waitFor();
    await shot('settlement');
    await page.getByRole('button', { name: '收银终端' }).click();
    await page.getByLabel('名称').fill('3号收银台');
    await page.getByRole('button', { name: '登记新终端' }).click();
    await page.locator('.pairing img').waitFor();
    expect(await page.locator('.pairing .code').innerText()).toMatch(/^\S{4,}$/);
    await shot('terminal-enrol');
    const before = await page.getByText('已吊销').count();
    await page.getByRole('button', { name: '吊销' }).first().click();
    await expect.poll(() => page.getByText('已吊销').count()).toBe(before + 1);
  });
});
