/**
 * "Test" buttons of the device settings: each tries a device with settings
 * not saved yet and answers in words. The printer test reads its status
 * (no paper used); the test page goes through the print queue like a receipt.
 */
import type { DeviceConfig } from '../../shared/contract/devices';
import type { ReceiptDoc } from '../../shared/receipt/model';
import { classifyScan } from '../../shared/scan/classify';
import { isPrinterError } from './printer/errors';
import type { PrinterProfile } from './printer/profiles';
import { statusProblem } from './printer/status';
import { printerFromConfig, printerSpecOf, type PrinterTimeouts } from './device-config';
import type { SerialPortOpener } from './printer/transport-serial';
import { SerialScale } from './scale/serial-scale';
import { SerialScanner } from './scanner/serial-scanner';

export interface TestResult {
  ok: boolean;
  message: string;
}

export async function testPrinter(
  config: NonNullable<DeviceConfig['printer']>,
  timeouts: PrinterTimeouts = {},
): Promise<TestResult> {
  const spec = printerSpecOf(config);
  if (spec.kind === 'file')
    return {
      ok: true,
      message: `${spec.path}: a USB device file cannot report its status; print a test page to check it`,
    };
  try {
    const s = await printerFromConfig(config, timeouts).status();
    const problem = statusProblem(s);
    if (problem !== null)
      return { ok: false, message: `the printer answers but cannot print: ${problem.replace('_', ' ')}` };
    return {
      ok: true,
      message: s.paperNearEnd ? 'the printer is ready; its paper is nearly out' : 'the printer is ready',
    };
  } catch (err) {
    return { ok: false, message: isPrinterError(err) ? err.message : String(err) };
  }
}

async function opened(
  device: { readonly state: { state: string; message?: string } },
  timeoutMs: number,
): Promise<string | null> {
  const start = Date.now();
  while (device.state.state !== 'open') {
    if (device.state.state === 'error') return device.state.message ?? 'cannot open the port';
    if (Date.now() - start > timeoutMs) return 'the port did not open in time';
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

export async function testScanner(
  config: NonNullable<DeviceConfig['scanner']>,
  waitMs: number,
  openPort?: SerialPortOpener,
): Promise<TestResult> {
  const got: { raw: string | null } = { raw: null };
  const scanner = new SerialScanner(
    {
      path: config.path,
      baudRate: config.baud_rate,
      suffix: config.suffix,
      openPort,
      reconnectMsMin: 60_000,
    },
    { onScan: (s) => (got.raw ??= s.raw) },
  );
  scanner.start();
  try {
    const error = await opened(scanner, 3000);
    if (error !== null) return { ok: false, message: error };
    const start = Date.now();
    while (got.raw === null && Date.now() - start < waitMs) await new Promise((r) => setTimeout(r, 20));
    const scanned = got.raw;
    if (scanned === null)
      return {
        ok: true,
        message:
          waitMs > 0
            ? `${config.path} is open, but nothing was scanned: check the baud rate and suffix`
            : `${config.path} is open`,
      };
    const result = classifyScan(scanned);
    return {
      ok: true,
      message: `read "${scanned.slice(0, 64)}" (${result.kind === 'unknown' ? result.message : result.kind})`,
    };
  } finally {
    await scanner.stop();
  }
}

export async function testScale(
  config: NonNullable<DeviceConfig['scale']>,
  waitMs: number,
  openPort?: SerialPortOpener,
): Promise<TestResult> {
  let readings = 0;
  const scale = new SerialScale(
    {
      path: config.path,
      baudRate: config.baud_rate,
      protocol: config.protocol,
      openPort,
      reconnectMsMin: 60_000,
    },
    { onChange: () => readings++ },
  );
  scale.start();
  try {
    const error = await opened(scale, 3000);
    if (error !== null) return { ok: false, message: error };
    const start = Date.now();
    while (readings === 0 && Date.now() - start < waitMs) await new Promise((r) => setTimeout(r, 20));
    const now = scale.current();
    if (now.state === 'stable') return { ok: true, message: `stable weight ${now.weight_g} g` };
    if (now.state !== 'no_data') return { ok: true, message: `the scale answers (${now.state})` };
    return {
      ok: false,
      message:
        scale.badFrameCount > 0
          ? `${scale.badFrameCount} unreadable frames: check the protocol and baud rate`
          : 'no weight frames: is the scale on and in continuous-output mode?',
    };
  } finally {
    await scale.stop();
  }
}

/** A test page: Chinese text, ruler at the paper's width, ￥, and where the queue can see it. */
export function testPageDoc(profile: PrinterProfile, address: string, nowMs: number): ReceiptDoc {
  const ruler = '1234567890'.repeat(5).slice(0, profile.columns);
  return {
    market_name: '打印测试页',
    stall_name: 'MarketTill',
    receipt_no: 'TEST',
    at_ms: nowMs,
    time_zone: 'Asia/Shanghai',
    cashier: '-',
    lines: [],
    discount_fen: 0,
    rounding_fen: 0,
    total_fen: 0,
    tenders: [],
    footer: `${profile.name}\n${address}\n${ruler}\n中文打印正常 ￥12.50`,
  };
}
