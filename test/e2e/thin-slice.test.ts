// The walking skeleton's thin slice through the real UI in Chromium, against real processes:
// two products by weight, cash with change, then the terminal's SQLite file, the decoded
// GB18030 receipt and the server's database are each checked.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRole, type RoleProcess } from '../../bin/cli/children';
import { DEMO_PAIRING_FILE } from '../../src-server/main';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { artifactPath, launchChromium } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

let server: RoleProcess;
let terminal: RoleProcess;
let printer: PrinterEmulator;
let browser: Browser;
let uiUrl: string;
const serverDir = tempDir('e2e-server');
const terminalDir = tempDir('e2e-terminal');

beforeAll(async () => {
  printer = await startPrinterEmulator({ host: '127.0.0.1', port: 0 });
  server = await spawnRole('server', ['--port', '0', '--data', serverDir, '--demo']);
  const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  terminal = await spawnRole('terminal', [
    '--port',
    '0',
    '--data',
    terminalDir,
    '--server',
    server.url,
    '--pair',
    pairing_code,
    '--printer',
    `tcp://127.0.0.1:${printer.port}`,
  ]);
  uiUrl = (await terminal.waitForLine(/^ui (\S+)/))[1] ?? '';
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await terminal?.stop();
  await server?.stop();
  await printer?.close();
});

async function poll<T>(fn: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('thin slice in Chromium', () => {
  it('sells two products by weight for cash, prints the receipt and syncs the sale', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(uiUrl);
    await page.getByTestId('pin').fill('1234');
    await page.getByTestId('signin').click();
    await page.getByTestId('product-V001').click(); // 大白菜 1.20 元/斤
    for (const k of ['2', '.', '5']) await page.getByTestId(`key-${k}`).click();
    await page.getByTestId('keypad-ok').click();
    await page.getByTestId('product-V003').click(); // 西红柿 6.40 元/公斤
    await page.keyboard.type('1.2'); // the keyboard works as well as the keypad
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('¥10.68');
    await page.screenshot({ path: artifactPath('thin-slice-cart.png') });

    await page.getByTestId('pay-cash').click();
    await page.getByTestId('tendered').fill('20');
    await expect.poll(() => page.getByTestId('change-preview').textContent()).toContain('9.32');
    await page.getByTestId('confirm-pay').click();
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('change').textContent()).toContain('¥9.32');
    expect(await page.getByTestId('print-state').textContent()).toBe('小票已打印');
    const receiptNo = (await page.getByTestId('receipt-no').textContent()) ?? '';
    expect(receiptNo).toMatch(/^T[0-9A-Z]{5}-\d{8}-0001$/);
    await page.screenshot({ path: artifactPath('thin-slice-done.png') });

    // The sale is in the terminal's SQLite file, whole.
    const tdb = new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true });
    const sale = tdb.prepare('SELECT id, total_fen FROM sale WHERE receipt_no = ?').get(receiptNo) as {
      id: string;
      total_fen: number;
    };
    const lines = tdb
      .prepare('SELECT name, quantity, amount_fen FROM sale_line WHERE sale_id = ? ORDER BY line_no')
      .all(sale.id);
    const tender = tdb.prepare('SELECT tendered_fen, change_fen FROM tender WHERE sale_id = ?').get(sale.id);
    tdb.close();
    expect(sale.total_fen).toBe(1068);
    expect(lines).toEqual([
      { name: '大白菜', quantity: 1250, amount_fen: 300 },
      { name: '西红柿', quantity: 1200, amount_fen: 768 },
    ]);
    expect(tender).toEqual({ tendered_fen: 2000, change_fen: 932 });

    // The receipt, decoded from the GB18030 ESC/POS bytes the printer received.
    const [job] = await printer.waitForJobs(1, 10_000);
    expect(job).toBeDefined();
    const text = job!.text;
    for (const want of [
      '老王蔬菜批发',
      receiptNo,
      '大白菜',
      '西红柿',
      '2.500',
      '1.200',
      '10.68',
      '20.00',
      '9.32',
      '合计',
      '找零',
      '￥',
    ])
      expect(text).toContain(want);
    expect(job!.cut).toBeDefined();
    expect(job!.drawerKicks.length).toBe(1);

    // And the sale reached the server's database through sync.
    const row = await poll(() => {
      const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
      try {
        return sdb.prepare('SELECT total_fen, stall_id FROM sale WHERE receipt_no = ?').get(receiptNo) as
          { total_fen: number; stall_id: string } | undefined;
      } finally {
        sdb.close();
      }
    }, 15_000);
    expect(row).toEqual({ total_fen: 1068, stall_id: 'S01' });
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('queue').textContent()).toContain('待同步 0 笔');
    await page.close();
  });
});
