/**
 * Receipts as the printer gets them: sales committed by the real core on a real till database, their
 * print jobs sent by the real print queue and driver to the ESC/POS printer emulator, and the GB18030
 * bytes decoded back to text: gross/tare/net for a weighed line with a container, unit prices with
 * their unit, the stall's number, the cashier's name, two copies with a signature line on account.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintQueue } from '../../src-main/print/print-queue';
import { completeSale } from '../../src-main/sales/complete-sale';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { openTill, pieces, weight, type Till } from '../helpers/till';
import { FAST, tcpPrinter } from './queue-helpers';

let emu: PrinterEmulator;
let till: Till;
let queue: PrintQueue;
const NOW = Date.UTC(2026, 11, 4, 2, 30);

beforeEach(async () => {
  emu = await startPrinterEmulator();
  till = openTill();
  queue = new PrintQueue(till.db, tcpPrinter(emu.port), () => {}, FAST);
});
afterEach(async () => {
  queue.stop();
  await queue.idle();
  await emu.close();
  till.close();
});

/** The decoded text of what printed; the emulator ends a job at each cut (on account: two copies, two cuts). */
async function printed(input: Parameters<typeof completeSale>[3], cuts = 1): Promise<string> {
  const sale = completeSale(till.db, till.who, till.cashier, input, NOW);
  if (!sale.print_job_id) throw new Error('the sale queued no receipt');
  expect(await queue.print(sale.print_job_id)).toEqual({ printed: true });
  const jobs = await emu.waitForJobs(cuts);
  expect(jobs.every((j) => j.cut !== undefined)).toBe(true);
  const text = jobs.map((j) => j.text).join('\n');
  console.log(text);
  return text;
}

describe('decoded receipts from the printer emulator (58 mm)', () => {
  it('a weighed line in a basket: 毛重 − 皮重 = 净重, unit prices with their unit, stall number, cashier by name', async () => {
    // 大白菜: 5.000 斤 gross in a 0.600 斤 basket = 4.400 斤 net × 1.20 元/斤 = 5.28; 2 nets of garlic × 15.00 元/件.
    const text = await printed({
      lines: [weight('P-CAB', 2200, 300), pieces('P-GAR', 2)],
      sale_discount_fen: 0,
      tenders: [{ kind: 'cash', tendered_fen: 5000 }],
    });
    for (const want of [
      '毛重5.000斤',
      '皮重0.600斤',
      '净重4.400斤 × 1.20元/斤',
      '= 5.28',
      '2件 × 15.00元/件',
      '= 30.00',
      '摊位 S01',
      '李小红',
    ])
      expect(text).toContain(want);
    expect(text).not.toMatch(/收银员\s+收银员/);
    expect(text).not.toContain('客户联');
  });

  it("on account: the buyer's copy and the stall's, each with 大写; the stall's with a signature line", async () => {
    const text = await printed(
      {
        lines: [weight('P-TOM', 2500)],
        sale_discount_fen: 0,
        tenders: [{ kind: 'account', amount_fen: 1600, buyer_id: 'B1' }],
      },
      2,
    );
    const customer = text.indexOf('赊账单（客户联）');
    const stall = text.indexOf('赊账单（存根联·摊位留存）');
    expect(customer).toBeGreaterThanOrEqual(0);
    expect(stall).toBeGreaterThan(customer);
    expect(text.match(/张老板饭店/g)).toHaveLength(2);
    expect(text.match(/大写 壹拾陆元整/g)).toHaveLength(2);
    expect(text.indexOf('买家签字')).toBeGreaterThan(stall);
    expect(text.match(/买家签字/g)).toHaveLength(1);
    expect(text).toContain('2.500公斤 × 6.40元/公斤');
  });
});
