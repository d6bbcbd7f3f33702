/** End to end: layout → ESC/POS → TCP 9100 transport → emulator that decodes what it received. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { columnsFor } from '../../../shared/receipt/blocks';
import type { PaperWidth } from '../../../shared/receipt/model';
import { SAMPLE_CASH_RECEIPT, SAMPLE_PAY_URL, SAMPLE_QR_RECEIPT } from '../../../shared/receipt/samples';
import { displayWidth } from '../../../shared/receipt/width';
import {
  startPrinterEmulator,
  type EmulatorState,
  type PrinterEmulator,
} from '../../../test/emulators/printer/emulator';
import type { PrintJob } from '../../../test/emulators/printer/job';
import { createPrinter, hasCashTender } from './driver';
import { isPrinterError, type PrinterErrorCode } from './errors';
import { PROFILES, type ProfileId } from './profiles';
import { tcpTransport } from './transport-tcp';

let emu: PrinterEmulator;
beforeEach(async () => {
  emu = await startPrinterEmulator({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await emu.close();
});

function printerFor(id: ProfileId, statusTimeoutMs = 1000) {
  return createPrinter({
    connect: tcpTransport({ host: emu.host, port: emu.port, connectTimeoutMs: 1000 }),
    profile: PROFILES[id],
    statusTimeoutMs,
  });
}

/** Every printed line fits the paper: display width (CJK = 2) × character width scale. */
function expectFits(job: PrintJob, paper: PaperWidth): void {
  for (const l of job.styledLines)
    expect(displayWidth(l.text) * l.widthScale, l.text).toBeLessThanOrEqual(columnsFor('normal', paper));
}

describe.each(['generic-58', 'generic-80', 'generic-58-raster', 'generic-80-raster'] as const)(
  '%s over TCP 9100',
  (id) => {
    const paper = PROFILES[id].paper;

    test('cash sale: stall, items, weights, total and change in Chinese; drawer kicked; fits the paper', async () => {
      const printer = printerFor(id);
      await printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: hasCashTender(SAMPLE_CASH_RECEIPT) });
      const [job] = await emu.waitForJobs(1);
      if (!job) throw new Error('no job');
      for (const s of [
        '众彩农副产品批发',
        '老王蔬菜 A12',
        'T01-000123',
        '2025-06-01 14:03:22',
        '王小明',
        '山东大白菜',
        '3.250斤 × 1.20',
        '= 3.90',
        '内蒙古土豆(黄心)',
        '2.500公斤 × 4.00',
        '= 10.00',
        '麒麟西瓜',
        '2件 × 15.00',
        '抹零',
        '合计',
        '\uFFE543.00',
        '实收',
        '\uFFE550.00',
        '找零',
        '\uFFE57.00',
      ]) {
        expect(job.text).toContain(s);
      }
      expect(job.text).not.toMatch(/[\u00a5\ufffd?]/); // no half-width yen, nothing decoded outside Chinese mode
      expect(job.text.match(/[\uFFE5]/g)?.length).toBeGreaterThanOrEqual(5);
      expect(job.drawerKicks).toHaveLength(1);
      expect(job.qrCodes).toEqual([]);
      expect(job.unknownCommands).toEqual([]);
      expectFits(job, paper);
      expect(job.styledLines.find((l) => l.text.includes('老王蔬菜'))).toMatchObject({
        bold: true,
        widthScale: 2,
        heightScale: 2,
      });
      expect(emu.statusQueries).toEqual([1, 2, 3, 4]);
      expect(printer.lastStatus?.online).toBe(true);
    });

    test('pending QR sale: the printed QR decodes to the pay URL; no drawer kick', async () => {
      await printerFor(id).printReceipt(SAMPLE_QR_RECEIPT, { kickDrawer: hasCashTender(SAMPLE_QR_RECEIPT) });
      const [job] = await emu.waitForJobs(1);
      if (!job) throw new Error('no job');
      expect(job.qrCodes).toEqual([{ data: SAMPLE_PAY_URL, source: PROFILES[id].qr }]);
      expect(job.text).toContain('请扫码付款');
      expect(job.text).toContain('扫码支付 待付款');
      expect(job.text).toContain('\uFFE543.90');
      expect(job.drawerKicks).toEqual([]);
      expectFits(job, paper);
      const qrIndex = job.elements.findIndex((e) => e.kind !== 'text');
      const askIndex = job.elements.findIndex((e) => e.kind === 'text' && e.text.includes('请扫码付款'));
      expect(qrIndex).toBeGreaterThan(0);
      expect(askIndex).toBe(qrIndex + 1);
    });
  },
);

test('two receipts on two connections are two jobs, in order', async () => {
  const printer = printerFor('generic-58');
  await printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false });
  await printer.printReceipt(SAMPLE_QR_RECEIPT, { kickDrawer: false });
  const jobs = await emu.waitForJobs(2);
  expect(jobs.map((j) => j.text.includes('T01-000123'))).toEqual([true, false]);
  expect(jobs.map((j) => j.text.includes('T01-000124'))).toEqual([false, true]);
});

describe('refuses to print when the printer cannot', () => {
  const cases: Array<[Partial<EmulatorState>, PrinterErrorCode]> = [
    [{ paperOut: true }, 'paper_out'],
    [{ coverOpen: true }, 'cover_open'],
    [{ offline: true }, 'printer_offline'],
    [{ cutterError: true }, 'cutter_error'],
    [{ silent: true }, 'printer_offline'],
    [{ coverOpen: true, paperOut: true }, 'cover_open'],
  ];
  test.each(cases)('%o → %s, and nothing is sent', async (state, code) => {
    emu.setState(state);
    const err = await printerFor('generic-58', 200)
      .printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: true })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isPrinterError(err) && err.code).toBe(code);
    await new Promise((r) => setTimeout(r, 50));
    expect(emu.jobs).toEqual([]);
  });

  test('paper near end still prints, and says so in lastStatus', async () => {
    emu.setState({ paperNearEnd: true });
    const printer = printerFor('generic-80');
    await printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false });
    await emu.waitForJobs(1);
    expect(printer.lastStatus?.paperNearEnd).toBe(true);
  });

  test('prints again once the fault is cleared', async () => {
    emu.setState({ paperOut: true });
    const printer = printerFor('generic-58');
    await expect(printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false })).rejects.toMatchObject({
      code: 'paper_out',
    });
    emu.setState({ paperOut: false });
    await printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false });
    expect(await emu.waitForJobs(1)).toHaveLength(1);
  });

  test('no printer listening → printer_offline', async () => {
    const port = emu.port;
    await emu.close();
    const printer = createPrinter({
      connect: tcpTransport({ host: '127.0.0.1', port }),
      profile: PROFILES['generic-58'],
    });
    await expect(printer.printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false })).rejects.toMatchObject({
      code: 'printer_offline',
    });
    await expect(printer.status()).rejects.toMatchObject({ code: 'printer_offline' });
    emu = await startPrinterEmulator(); // afterEach closes it
  });
});
