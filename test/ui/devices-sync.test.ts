// Faults a stall lives with, in Chromium against real processes: the printer runs out of paper
// while a receipt prints (status bar alarm, receipt kept and printed after the paper is
// changed), and the server goes away (sales go on, the status bar shows the queue, which drains
// once the server is back). Screenshots go to test-artifacts/.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';
import { addByKeypad, type Stack } from './stack';

let stack: Stack;
let page: Page;

useSignedInTill(undefined, { width: 1366, height: 768 }, (s, p) => {
  stack = s;
  page = p;
});
const { shot, text } = pageHelpers(() => page);

async function cashSale(code: string, qty: string): Promise<string> {
  await addByKeypad(page, code, qty);
  await page.keyboard.press('F9');
  await page.keyboard.press('Enter');
  await page.getByTestId('done').waitFor();
  return text('receipt-no');
}

function serverHas(receiptNo: string): boolean {
  const db = new Database(join(stack.serverDir, 'server.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT 1 FROM sale WHERE receipt_no = ?').get(receiptNo) !== undefined;
  } finally {
    db.close();
  }
}

describe('faults in Chromium at 1366×768', () => {
  it('paper out during printing: impossible to miss, and the receipt is not lost', async () => {
    stack.printer.setState({ paperOut: true });
    const receiptNo = await cashSale('V001', '2');
    await expect.poll(() => text('print-state')).toContain('小票没打出来，已保存');
    await expect.poll(() => page.getByTestId('printer').getAttribute('data-state')).toBe('paper_out');
    expect(await text('printer')).toContain('打印机缺纸');
    await shot('paper-out-done');
    await page.getByTestId('next').click();
    await shot('paper-out-statusbar');
    expect(await seriousViolations(page)).toEqual([]);

    stack.printer.setState({ paperOut: false });
    await expect
      .poll(() => stack.printer.jobs.some((j) => j.text.includes(receiptNo)), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() => page.getByTestId('printer').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('ready');
    await shot('paper-back');
  });

  it('sells while the server is stopped; the queue drains in the status bar after it restarts', async () => {
    await stack.stopServer();
    const receipts: string[] = [];
    for (const q of ['1', '2', '3']) {
      receipts.push(await cashSale('V002', q));
      await page.getByTestId('next').click();
    }
    await expect.poll(() => text('net'), { timeout: 15_000 }).toContain('离线');
    await expect.poll(() => text('queue')).toMatch(/待同步 [3-9] 笔/);
    expect(await text('queue')).toMatch(/最早 \d+ 秒/);
    await shot('offline-queue');
    expect(receipts.some(serverHas)).toBe(false);

    await stack.startServer();
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const q = await text('queue');
          if (seen.at(-1) !== q) seen.push(q);
          return q;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toContain('待同步 0 笔');
    expect(seen[0]).toMatch(/待同步 [3-9] 笔/);
    await expect.poll(() => text('net'), { timeout: 10_000 }).toBe('在线');
    await shot('online-drained');
    for (const r of receipts) expect(serverHas(r)).toBe(true);
  });
});
