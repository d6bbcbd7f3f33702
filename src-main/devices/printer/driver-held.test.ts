/** A job the printer stops in the middle of (paper out, cover open) is held, not lost, and confirmed with GS r 1 once it resumes. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SAMPLE_CASH_RECEIPT } from '../../../shared/receipt/samples';
import { startPrinterEmulator, type PrinterEmulator } from '../../../test/emulators/printer/emulator';
import { createPrinter } from './driver';
import { PROFILES } from './profiles';
import type { StatusProblem } from './status';
import { tcpTransport } from './transport-tcp';

let emu: PrinterEmulator;
beforeEach(async () => {
  emu = await startPrinterEmulator();
});
afterEach(async () => {
  await emu.close();
});

const printer = (o: { confirmMsMax?: number; heldMsMax?: number } = {}) =>
  createPrinter({
    connect: tcpTransport({ host: emu.host, port: emu.port }),
    profile: PROFILES['generic-58'],
    statusTimeoutMs: 300,
    confirmPollMs: 30,
    ...o,
  });

test('paper runs out mid-job: held while the paper is out, resolves once after it is loaded', async () => {
  emu.setState({ paperLeftBytes: 200 });
  const held: StatusProblem[] = [];
  let resolved = false;
  const printing = printer()
    .printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false, onHeld: (p) => held.push(p) })
    .then(() => {
      resolved = true;
    });
  await new Promise((r) => setTimeout(r, 300));
  expect(emu.state.paperOut).toBe(true);
  expect(held.length).toBeGreaterThan(0);
  expect(new Set(held)).toEqual(new Set(['paper_out']));
  expect(resolved).toBe(false);
  expect(emu.jobs).toEqual([]);
  emu.setState({ paperOut: false });
  await printing;
  expect(emu.jobs).toHaveLength(1);
  expect(emu.jobs[0]?.text).toContain('T01-000123');
  expect(emu.jobs[0]?.printedWhileFaulted).toBe(false);
});

test('a held job whose fault is never cleared: write_failed once heldMsMax passes', async () => {
  emu.setState({ paperLeftBytes: 100 });
  const held: StatusProblem[] = [];
  await expect(
    printer({ heldMsMax: 300 }).printReceipt(SAMPLE_CASH_RECEIPT, {
      kickDrawer: false,
      onHeld: (p) => held.push(p),
    }),
  ).rejects.toMatchObject({ code: 'write_failed' });
  expect(held).toContain('paper_out');
  expect(emu.jobs).toEqual([]);
});

test('a printer that takes the job but never answers GS r: write_failed after confirmMsMax (it may or may not have printed)', async () => {
  emu.setState({ ignoresTransmitStatus: true });
  await expect(
    printer({ confirmMsMax: 200 }).printReceipt(SAMPLE_CASH_RECEIPT, { kickDrawer: false }),
  ).rejects.toMatchObject({ code: 'write_failed' });
  expect(emu.jobs).toHaveLength(1);
});
