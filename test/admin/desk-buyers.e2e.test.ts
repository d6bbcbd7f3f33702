/**
 * Buyers on the desk, in Chromium against real processes: a buyer added on the
 * desk is sold to on account at the connected till without reopening anything;
 * the sale shows in what the buyer owes (since the day) and on the statement,
 * whose XLSX export, opened with exceljs, has the page's headers, amounts and rows.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { firstSheet } from '../helpers/xlsx';
import { seriousViolations } from '../ui/axe';
import { addByKeypad } from '../ui/stack';
import { useDesk } from './desk-stack';

const d = useDesk();

describe('buyers and statements in Chromium at 1366×768', () => {
  it('a buyer added on the desk can be sold to on account at the till at once', async () => {
    const { desk, till, shot } = d();
    await desk.getByRole('button', { name: '采购商', exact: true }).click();
    const form = desk.getByRole('region', { name: '添加采购商' });
    await form.getByLabel('采购商名称').fill('刘记饭店');
    await form.getByLabel('电话').fill('12');
    await form.getByLabel('赊账额度（元）').fill('500');
    await form.getByLabel('赊账额度（元）').press('Enter');
    await form.getByRole('alert').getByText('phone number').waitFor();
    await form.getByLabel('电话').fill('138 0000 1111');
    await form.getByLabel('赊账额度（元）').press('Enter');
    await desk.locator('tr[data-buyer="刘记饭店"]').waitFor();
    await shot('buyers-added');

    await addByKeypad(till, 'V001', '10');
    await till.getByTestId('pay-cash').click();
    await till.getByTestId('method-account').click();
    await till.getByTestId('buyer-刘记饭店').click();
    await till.getByTestId('confirm-pay').click();
    await till.getByTestId('done').waitFor();
    await till.screenshot({ path: artifactPath('desk-till-on-account.png') });
    await till.getByTestId('next').click();

    const row = desk.locator('tr[data-buyer="刘记饭店"]');
    await expect
      .poll(
        async () => {
          await desk.getByRole('button', { name: '采购商', exact: true }).click();
          await desk.getByRole('button', { name: '今日价格' }).click();
          await desk.getByRole('button', { name: '采购商', exact: true }).click();
          return row.innerText();
        },
        { timeout: 15_000 },
      )
      .toContain('12.00');
    expect(await row.innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await shot('buyers-owed');
  });

  it('the statement lists the sale with a running balance; its XLSX matches the page', async () => {
    const { desk, shot } = d();
    await desk.locator('tr[data-buyer="刘记饭店"]').getByRole('button', { name: '对账单' }).click();
    const st = desk.getByRole('region', { name: '对账单' });
    await st.getByText('赊账销售').waitFor();
    expect(await st.getByTestId('closing').innerText()).toBe('12.00');
    const pageRows = await st.locator('tbody tr').count();
    await shot('statement');
    expect(await seriousViolations(desk)).toEqual([]);

    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      st.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    const file = artifactPath('desk-statement.xlsx');
    await download.saveAs(file);
    const ws = await firstSheet(await readFile(file));
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '营业日',
      '记账时间',
      '摘要',
      '单号',
      '金额（元）',
      '余额（元）',
    ]);
    expect(ws.rowCount - 1).toBe(pageRows);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(3).value).toBe('赊账销售');
    expect(last.getCell(5).value).toBe(12);
    expect(last.getCell(5).numFmt).toBe('0.00');
    expect(last.getCell(6).value).toBe(12);
    expect(String(last.getCell(2).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const [csv] = await Promise.all([
      desk.waitForEvent('download'),
      st.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    const text = await readFile(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF营业日,记账时间,摘要,单号,金额（元）,余额（元）\r\n')).toBe(true);
    expect(text).toContain(',赊账销售,');
    expect(text.trim().split('\r\n')).toHaveLength(pageRows + 1);
  });
});
