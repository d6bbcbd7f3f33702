/**
 * The till's devices in one object the core constructs: the receipt printer
 * and its durable print queue, the serial scanner and the scale, built from
 * the saved device settings, with live status pushed through onChange.
 *
 * Printer status: the queue knows best while it prints or waits for the
 * printer; otherwise the printer is polled (DLE EOT, every statusPollMs) on
 * the queue's lock, since many printers take one connection at a time. A
 * poll that finds the printer ready while receipts wait retries them at once.
 */
import type { DeviceConfig, DeviceStatus } from '../../shared/contract/devices';
import { CodedError } from '../../shared/contract/envelope';
import type { ClassifyOptions } from '../../shared/scan/classify';
import { PrintQueue, type PrintQueueOptions } from '../print/print-queue';
import type { Db } from '../store/db';
import {
  NO_DEVICES,
  printerFromConfig,
  printerSpecOf,
  settingsConfigStore,
  type DeviceConfigStore,
  type PrinterTimeouts,
} from './device-config';
import { testPageDoc } from './device-tests';
import { PROBLEM_MESSAGES, type ReceiptPrinterDevice } from './printer/driver';
import { isPrinterError } from './printer/errors';
import { PROFILES } from './printer/profiles';
import { statusProblem } from './printer/status';
import type { SerialPortOpener } from './printer/transport-serial';
import { SerialScale, type ScaleNow } from './scale/serial-scale';
import { SerialScanner, type ScanEvent } from './scanner/serial-scanner';
import type { LinkState } from './serial/serial-link';

export interface DeviceManagerOptions {
  db: Db;
  /** used while no device settings were saved (e.g. --printer on the command line) */
  defaults?: DeviceConfig;
  configStore?: DeviceConfigStore;
  /** any change of DeviceStatus: push it as the 'device-status' event */
  onChange?: (status: DeviceStatus) => void;
  /** a serial scan, classified: push it as the 'scan' event */
  onScan?: (scan: ScanEvent) => void;
  /** the scale's reading changed: push it as the 'scale' event */
  onScale?: (now: ScaleNow) => void;
  statusPollMs?: number;
  classify?: ClassifyOptions;
  printerTimeouts?: PrinterTimeouts;
  queue?: PrintQueueOptions;
  /** tests: open serial ports through a mock */
  openPort?: SerialPortOpener;
}

type PrinterState = DeviceStatus['printer']['state'];
const CODE_STATE: Record<string, PrinterState> = {
  paper_out: 'paper_out',
  cover_open: 'cover_open',
  printer_offline: 'offline',
  cutter_error: 'error',
  printer_error: 'error',
  write_failed: 'error',
};
export const STATUS_POLL_MS_DEFAULT = 5000;

function linkStatus(
  configured: boolean,
  s: LinkState,
): { state: DeviceStatus['scanner']['state']; message: string | null } {
  if (!configured) return { state: 'none', message: null };
  switch (s.state) {
    case 'stopped':
    case 'connecting':
      return { state: 'connecting', message: null };
    case 'open':
      return { state: 'ready', message: null };
    case 'error':
      return { state: 'error', message: s.message };
  }
}

export class DeviceManager {
  readonly printQueue: PrintQueue;
  private cfg: DeviceConfig;
  private printer: ReceiptPrinterDevice | null = null;
  private printerPolled: { state: PrinterState; message: string | null } = { state: 'ready', message: null };
  private scanner: SerialScanner | null = null;
  private scale: SerialScale | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private started = false;
  private lastJson = '';
  private readonly store: DeviceConfigStore;

  constructor(private readonly opts: DeviceManagerOptions) {
    this.store = opts.configStore ?? settingsConfigStore(opts.db);
    this.cfg = this.store.load() ?? opts.defaults ?? NO_DEVICES;
    this.printer = this.buildPrinter();
    this.printQueue = new PrintQueue(opts.db, this.printer, () => this.changed(), opts.queue);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.openSerialDevices();
    this.pollTimer = setInterval(
      () => void this.pollPrinter(),
      this.opts.statusPollMs ?? STATUS_POLL_MS_DEFAULT,
    );
    this.pollTimer.unref();
    void this.pollPrinter();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.printQueue.stop();
    await Promise.all([this.scanner?.stop(), this.scale?.stop(), this.printQueue.idle()]);
  }

  config(): DeviceConfig {
    return this.cfg;
  }

  /** Checks, saves and applies new settings; drivers whose settings changed are reopened. */
  async configure(next: DeviceConfig): Promise<DeviceStatus> {
    if (next.printer !== null) printerSpecOf(next.printer); // a bad address is refused before anything changes
    const prev = this.cfg;
    this.store.save(next);
    this.cfg = next;
    if (JSON.stringify(prev.printer) !== JSON.stringify(next.printer)) {
      this.printer = this.buildPrinter();
      this.printerPolled = { state: 'ready', message: null };
      this.printQueue.setPrinter(this.printer);
    }
    if (
      this.started &&
      (JSON.stringify(prev.scanner) !== JSON.stringify(next.scanner) ||
        JSON.stringify(prev.scale) !== JSON.stringify(next.scale))
    ) {
      await Promise.all([this.scanner?.stop(), this.scale?.stop()]);
      this.openSerialDevices();
    }
    if (this.started) void this.pollPrinter();
    this.changed();
    return this.status();
  }

  status(): DeviceStatus {
    return {
      printer: { ...this.printerNow(), queued: this.printQueue.pendingCount() },
      scanner: {
        ...linkStatus(
          this.cfg.scanner !== null && this.scanner !== null,
          this.scanner?.state ?? { state: 'stopped' },
        ),
        last_scan_ms: this.scanner?.lastScanAtMs ?? null,
      },
      scale: {
        ...linkStatus(
          this.cfg.scale !== null && this.scale !== null,
          this.scale?.state ?? { state: 'stopped' },
        ),
        weight: this.scaleNow(),
      },
    };
  }

  scaleNow(): ScaleNow {
    return this.scale?.current() ?? { state: 'no_data' };
  }

  zeroScale(): Promise<void> {
    return this.scaleCommand('zero');
  }

  tareScale(): Promise<void> {
    return this.scaleCommand('tare');
  }

  /** Prints a test page through the queue, like a receipt; answers as print() does. */
  async printTestPage(): Promise<{ job_id: string; printed: boolean; error: string | null }> {
    if (this.cfg.printer === null) throw new CodedError('conflict', 'no printer is set up');
    const id = this.printQueue.enqueue(
      testPageDoc(PROFILES[this.cfg.printer.profile], this.cfg.printer.address, Date.now()),
    );
    const outcome = await this.printQueue.print(id);
    return { job_id: id, printed: outcome.printed, error: outcome.printed ? null : outcome.error };
  }

  /** One DLE EOT poll, unless the queue is busy with the printer already. */
  async pollPrinter(): Promise<void> {
    const printer = this.printer;
    if (printer === null || this.polling || this.printQueue.busy || this.cfg.printer === null) return;
    if (printerSpecOf(this.cfg.printer).kind === 'file') {
      this.printerPolled = {
        state: 'ready',
        message: 'USB device file: the printer cannot report paper or cover',
      };
      return this.changed();
    }
    this.polling = true;
    try {
      const s = await this.printQueue.exclusive(() => printer.status());
      const problem = statusProblem(s);
      this.printerPolled =
        problem !== null
          ? { state: CODE_STATE[problem] ?? 'error', message: PROBLEM_MESSAGES[problem] }
          : { state: s.paperNearEnd ? 'near_end' : 'ready', message: null };
      if (problem === null && this.printQueue.pendingCount() > 0) this.printQueue.retryNow();
    } catch (err) {
      this.printerPolled = isPrinterError(err)
        ? { state: CODE_STATE[err.code] ?? 'error', message: err.message }
        : { state: 'error', message: String(err) };
    } finally {
      this.polling = false;
    }
    this.changed();
  }

  private printerNow(): { state: PrinterState; message: string | null } {
    if (this.cfg.printer === null) return { state: 'none', message: null };
    if (this.printer === null) return { state: 'error', message: 'the printer address cannot be used' };
    const code = this.printQueue.problemCode();
    if (code !== null) return { state: CODE_STATE[code] ?? 'error', message: this.printQueue.problem() };
    if (this.printQueue.busy && this.printQueue.pendingCount() > 0)
      return { state: 'printing', message: null };
    return this.printerPolled;
  }

  private buildPrinter(): ReceiptPrinterDevice | null {
    if (this.cfg.printer === null) return null;
    try {
      return printerFromConfig(this.cfg.printer, this.opts.printerTimeouts);
    } catch {
      return null; // a saved address that no longer parses: status says so
    }
  }

  private openSerialDevices(): void {
    const { scanner, scale } = this.cfg;
    const { openPort } = this.opts;
    this.scanner =
      scanner === null
        ? null
        : new SerialScanner(
            {
              path: scanner.path,
              baudRate: scanner.baud_rate,
              suffix: scanner.suffix,
              classify: this.opts.classify,
              openPort,
            },
            { onScan: (s) => this.opts.onScan?.(s), onState: () => this.changed() },
          );
    this.scale =
      scale === null
        ? null
        : new SerialScale(
            { path: scale.path, baudRate: scale.baud_rate, protocol: scale.protocol, openPort },
            { onChange: (now) => (this.opts.onScale?.(now), this.changed()), onState: () => this.changed() },
          );
    this.scanner?.start();
    this.scale?.start();
  }

  private scaleCommand(which: 'zero' | 'tare'): Promise<void> {
    const scale = this.scale;
    if (scale === null) return Promise.reject(new CodedError('conflict', 'no scale is set up'));
    if (which === 'zero' ? !scale.canZero : !scale.canTare)
      return Promise.reject(
        new CodedError('conflict', `this scale's protocol has no ${which} command: use the key on the scale`),
      );
    return (which === 'zero' ? scale.zero() : scale.tare()).catch((err: unknown) => {
      throw new CodedError(
        'conflict',
        `the scale did not take the ${which} command: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }

  private changed(): void {
    const s = this.status();
    const json = JSON.stringify(s);
    if (json === this.lastJson) return;
    this.lastJson = json;
    this.opts.onChange?.(s);
  }
}
