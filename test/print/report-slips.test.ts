// Printed Z reports (日结) and shift slips (交班单) through the real core, server and simulator with the
// ESC/POS printer emulator on 58 mm paper: the figures decoded from the printed bytes equal the ones the
// Z report and shift screens show (day-report, shift-current, shift-close); the 80 mm layout of the
// same slip carries the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCny } from '../../shared/money';
import { layoutReceipt, renderReceiptText } from '../../shared/receipt';
import { zReportSlip } from '../../src-main/shifts/report-slips';
import { renderJob, startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { startPayStack, type PayStack } from '../payments/stack';
import { artifactPath } from '../helpers/browser';
import { writeFileSync } from 'node:fs';

let s: PayStack;
let printer: PrinterEmulator;

beforeAll(async () => {
  printer = await startPrinterEmulator({ host: '127.0.0.1', port: 0 });
  s = await startPayStack(
    {},
    {
      devices: {
        printer: { address: `tcp://127.0.0.1:${printer.port}`, profile: 'generic-58' },
        scanner: null,
        scale: null,
      },
    },
  );
  await s.core.handlers['cashier-signin']({ pin: '1234' });
}, 60_000);
afterAll(async () => {
  await s?.close();
  await printer?.close();
});

const line = (count: number) => [
  { product_id: 'S01-V006', entry: { kind: 'count' as const, count }, discount_fen: 0 },
];

let read = 0;
async function nextPrinted(): Promise<string> {
  const jobs = await printer.waitForJobs(read + 1, 10_000);
  const job = jobs[read++];
  if (!job) throw new Error('nothing printed');
  return renderJob(job);
}

/** The amount printed on the line that starts with this label ("实收" … "￥30.00"), in fen. */
function printedFen(text: string, label: string): number {
  const row = text.split('\n').find((l) => l.trim().startsWith(label) && /[￥¥]/.test(l));
  if (!row) throw new Error(`no line ${label} in\n${text}`);
  const m = /(-?)[+]?[￥¥]([\d,]+)\.(\d{2})\s*$/.exec(row.trim());
  if (!m) throw new Error(`no amount on ${row}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
}

const yuan = (fen: number) => formatCny(fen).replace('¥', '￥');

describe('printed Z report and shift slip', () => {
  it('the Z report prints the screen figures: sales, takings by kind, receivables, 实收 + 应收未收', async () => {
    await s.core.handlers['sale-complete']({
      lines: line(2),
      sale_discount_fen: 0,
      tenders: [{ kind: 'cash', tendered_fen: 5_000 }],
    });
    await nextPrinted();
    await s.core.handlers['sale-complete']({
      lines: line(1),
      sale_discount_fen: 0,
      tenders: [{ kind: 'qr', amount_fen: 1_500 }],
    });
    await nextPrinted();
    const z = await s.core.handlers['day-report']({});
    const r = await s.core.handlers['report-print']({ report: 'day' });
    expect(r).toEqual({ printed: true, print_error: null });
    const slip = await nextPrinted();
    writeFileSync(artifactPath('slip-z-58.txt'), slip);
    expect(slip).toContain('日结报告（Z）');
    expect(slip).toContain(`第 ${z.z_no} 次`);
    expect(printedFen(slip, '销售额')).toBe(z.takings.sales_fen);
    expect(z.takings.sales_fen).toBe(4_500);
    expect(printedFen(slip, '现金')).toBe(z.takings.paid.by_kind.cash);
    expect(printedFen(slip, '扫码支付')).toBe(z.takings.paid.by_kind.qr);
    expect(printedFen(slip, '实收')).toBe(z.takings.paid.total_fen);
    expect(printedFen(slip, '待确认')).toBe(z.takings.receivable.pending_fen);
    expect(printedFen(slip, '应收未收')).toBe(z.takings.receivable.total_fen);
    expect(printedFen(slip, '实收 + 应收未收')).toBe(z.takings.sales_fen);
    expect(printedFen(slip, '净额')).toBe(z.net_fen);
    expect(slip).not.toMatch(/payment_code|account|\bqr\b/);
    // 58 mm: no line wider than 32 columns
    for (const l of slip.split('\n')) expect(l.length).toBeLessThanOrEqual(32);
    // The 80 mm layout of the same report carries the same figures.
    const wide = renderReceiptText(layoutReceipt(zReportSlip(s.core.identity, '李小红', z, Date.now()), 80));
    for (const label of ['销售额', '实收', '应收未收', '实收 + 应收未收', '净额'])
      expect(printedFen(wide, label)).toBe(printedFen(slip, label));
    expect(wide).toContain(yuan(z.takings.sales_fen));
  });

  it('the shift slip prints the shift screen figures, and once closed the counted cash and over/short', async () => {
    const cur = await s.core.handlers['shift-current']({});
    expect(cur.shift).not.toBeNull();
    await s.core.handlers['report-print']({ report: 'shift' });
    const open = await nextPrinted();
    expect(open).toContain('交班单');
    expect(printedFen(open, '应有现金')).toBe(cur.expected_cash_fen);
    expect(printedFen(open, '实收')).toBe(cur.takings?.paid.total_fen);
    expect(printedFen(open, '销售额')).toBe(cur.takings?.sales_fen);
    const closed = await s.core.handlers['shift-close']({ counted_fen: (cur.expected_cash_fen ?? 0) - 100 });
    await s.core.handlers['report-print']({ report: 'shift', shift_id: closed.id });
    const slip = await nextPrinted();
    writeFileSync(artifactPath('slip-shift-58.txt'), slip);
    expect(printedFen(slip, '实点现金')).toBe(closed.counted_fen);
    expect(printedFen(slip, '长短款')).toBe(-100);
    await expect(s.core.handlers['report-print']({ report: 'shift' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
