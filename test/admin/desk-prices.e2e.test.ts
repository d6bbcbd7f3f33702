/**
 * The desk's catalog and price board in Chromium against real processes: the
 * server with demo data, an enrolled till in browser mode holding its signed
 * event stream, and the staff web. A price saved on the board is on the till's
 * product grid within a second; the catalog adds products (pinyin derived),
 * refuses bad input in words, copies templates and shows price history.
 * Screenshots at 1366×768 land in test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { seriousViolations } from '../ui/axe';
import { useDesk } from './desk-stack';

const d = useDesk();

describe('price board and catalog in Chromium at 1366×768', () => {
  it('a price typed on the board and saved reaches the connected till’s product grid within 1 s', async () => {
    const { desk, till, shot } = d();
    await desk.getByRole('button', { name: '今日价格' }).click();
    const cabbage = desk.getByLabel('大白菜 新价（元）');
    await cabbage.click();
    await desk.keyboard.type('1.35');
    await desk.keyboard.press('Enter');
    // Enter went on to the next product: 土豆
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '土豆 新价（元）',
    );
    await desk.keyboard.type('0');
    await desk.keyboard.press('Enter');
    await desk.getByText('请输入大于 0 的金额').waitFor();
    await desk.keyboard.press('Control+s');
    await desk.getByText('有 1 个价格有误，请先改正').waitFor();
    await shot('board-wrong');
    await desk.getByLabel('土豆 新价（元）').fill('1.9');
    expect(await till.getByTestId('product-V001').innerText()).toContain('1.20');
    const t0 = Date.now();
    await desk.keyboard.press('Control+s');
    await till.getByTestId('product-V001').getByText('1.35').waitFor({ timeout: 1_000 });
    const reachedMs = Date.now() - t0;
    expect(reachedMs).toBeLessThan(1_000);
    await desk.getByText('已保存 2 个价格').waitFor();
    expect(await till.getByTestId('product-V002').innerText()).toContain('1.90');
    await shot('board-saved');
    await till.screenshot({ path: artifactPath('desk-till-new-price.png') });
    expect(await seriousViolations(desk)).toEqual([]);
  });

  it('the catalog adds a product with its pinyin initials, refuses bad input in words and shows price history', async () => {
    const { desk, till, shot } = d();
    await desk.getByRole('button', { name: '商品目录' }).click();
    const form = desk.getByRole('region', { name: '添加商品' });
    const fill = async (code: string, name: string, price: string, ean = '') => {
      await form.getByLabel('编码').fill(code);
      await form.getByLabel('名称').fill(name);
      await form.getByLabel('单价（元）').fill(price);
      await form.getByLabel('条码 EAN').fill(ean);
      await form.getByLabel('条码 EAN').press('Enter');
    };
    await fill('V001', '小白菜', '2.00');
    await form.getByRole('alert').getByText('already used').waitFor();
    await fill('V010', '小白菜', '-1');
    await form.getByRole('alert').getByText('请输入大于 0 的金额').waitFor();
    await fill('V010', '小白菜', '2.00', '6901234567890');
    await form.getByRole('alert').getByText('check digit').waitFor();
    await shot('catalog-refused');
    await form.getByLabel('单位').selectOption('kg');
    await fill('V010', '小白菜', '2.00', '6901234567892');
    const row = desk.locator('tr[data-product="V010"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('xbc');
    expect(await row.innerText()).toContain('公斤');
    await desk.locator('tr[data-product="V001"]').getByRole('button', { name: '价格历史' }).click();
    const hist = desk.getByRole('table', { name: '价格历史' });
    await hist.getByText('¥1.35').waitFor();
    expect(await hist.innerText()).toContain('¥1.20');
    await shot('catalog-history');
    await till.getByTestId('product-V010').waitFor({ timeout: 2_000 });
  });

  it('market templates are copied into the stall’s catalog in one step', async () => {
    const { desk, till, shot } = d();
    await desk.getByRole('button', { name: '从市场模板添加' }).click();
    const tpl = desk.getByRole('region', { name: '从市场模板添加' });
    await tpl.getByLabel('菠菜').check();
    await tpl.getByLabel('生姜').check();
    await shot('catalog-templates');
    await tpl.getByRole('button', { name: '添加所选 2 个' }).click();
    await desk.getByText('已添加 2 个商品').waitFor();
    await desk.locator('tr[data-product="T001"]').waitFor();
    expect(await desk.locator('tr[data-product="T007"]').innerText()).toContain('sj');
    expect(await seriousViolations(desk)).toEqual([]);
    await till.getByTestId('product-T001').waitFor({ timeout: 2_000 });
  });
});
