/**
 * The durable print queue. Jobs are stored (print_job) before anything is
 * sent, and one worker prints them in the order they were stored. A job the
 * printer refuses before any byte is sent waits queued with the reason and
 * is retried whole, with backoff, once the printer recovers; a job the printer
 * holds mid-receipt is confirmed once via GS r 1 (see the driver); a job that
 * may or may not have printed fails for the cashier to reprint, never resent
 * by itself (a duplicate cash receipt is worse than a missing one the cashier
 * sees). The table of cases is in src-main/devices/README.md. The drawer opens
 * only on a cash sale's first print; a reprint is a new job marked 补打.
 */
import type { ReceiptDoc } from '../../shared/receipt/model';
import { hasCashTender } from '../devices/printer/driver';
import { isPrinterError } from '../devices/printer/errors';
import type { Db } from '../store/db';
import {
  failInterruptedJobs,
  getJob,
  insertJob,
  latestJobForSale,
  nextJob,
  parseDoc,
  pendingCount,
  recentJobs,
  setJobState,
  toView,
  unresolvedFailure,
  type PrintJobRow,
  type PrintJobView,
} from './print-job-store';

export interface ReceiptPrinter {
  printReceipt(
    doc: ReceiptDoc,
    opts: { kickDrawer: boolean; onHeld?: (problem: string, message: string) => void },
  ): Promise<void>;
}

export type PrintOutcome = { printed: true } | { printed: false; error: string };

export interface PrintQueueOptions {
  retryDelayMsMin?: number;
  retryDelayMsMax?: number;
}

export const RETRY_DELAY_MS_MIN_DEFAULT = 250;
export const RETRY_DELAY_MS_MAX_DEFAULT = 5000;

export type ReprintRef = { sale_id: string } | { job_id: string };

export class PrintQueue {
  private running = false;
  private again = false;
  private stopped = false;
  /** what stops the printer now (refusal or held job), null when it prints */
  private current: { code: string; message: string } | null = null;
  private wakeSleep: (() => void) | null = null;
  private readonly waiters = new Map<string, Array<(o: PrintOutcome) => void>>();
  private idleWaiters: Array<() => void> = [];
  private lock: Promise<unknown> = Promise.resolve();
  private readonly retryMin: number;
  private readonly retryMax: number;

  constructor(
    private readonly db: Db,
    private printer: ReceiptPrinter | null,
    private readonly onChange: () => void = () => {},
    options: PrintQueueOptions = {},
  ) {
    this.retryMin = options.retryDelayMsMin ?? RETRY_DELAY_MS_MIN_DEFAULT;
    this.retryMax = options.retryDelayMsMax ?? RETRY_DELAY_MS_MAX_DEFAULT;
    failInterruptedJobs(db, Date.now());
    // Receipts stored before a restart print as soon as the printer can.
    queueMicrotask(() => this.kick());
  }

  get configured(): boolean {
    return this.printer !== null;
  }

  /** The worker is sending or waiting for the printer. */
  get busy(): boolean {
    return this.running;
  }

  /** Swap the printer (device settings changed); queued jobs go to the new one. */
  setPrinter(printer: ReceiptPrinter | null): void {
    this.printer = printer;
    this.current = null;
    this.retryNow();
  }

  /** Stores a job (a receipt, a test page) and starts printing it in turn. */
  enqueue(doc: ReceiptDoc, saleId: string | null = null): string {
    const id = insertJob(this.db, saleId, doc, Date.now());
    this.onChange();
    this.kick();
    return id;
  }

  /**
   * Prints a stored job in its turn and says how it went: printed, failed, or
   * not printed yet because the printer has a problem (the job stays queued
   * and prints when the printer recovers).
   */
  print(jobId: string): Promise<PrintOutcome> {
    return new Promise((resolve) => {
      const list = this.waiters.get(jobId) ?? [];
      list.push(resolve);
      this.waiters.set(jobId, list);
      this.settle();
      this.kick();
    });
  }

  /** A new job with the document of a past one, marked reprint (补打, no drawer kick). doc: a fresher document, e.g. with the payment now 已付. */
  reprint(ref: ReprintRef, doc?: ReceiptDoc): string | null {
    const source = 'job_id' in ref ? getJob(this.db, ref.job_id) : latestJobForSale(this.db, ref.sale_id);
    const base = doc ?? (source ? parseDoc(source) : null);
    if (base === null) return null;
    return this.enqueue(
      { ...base, reprint: true },
      source?.sale_id ?? ('sale_id' in ref ? ref.sale_id : null),
    );
  }

  recentJobs(n = 20): PrintJobView[] {
    return recentJobs(this.db, n).map(toView);
  }

  /** What stops printing right now (paper out, cover open, offline…), or null. */
  problem(): string | null {
    return this.current?.message ?? null;
  }

  /** The PrinterError code of problem() (paper_out, cover_open, printer_offline…), or null. */
  problemCode(): string | null {
    return this.current?.code ?? null;
  }

  /** Jobs stored and not printed yet. */
  pendingCount(): number {
    return pendingCount(this.db);
  }

  /** The current problem, else the newest failed job not followed by a printed one. */
  lastError(): string | null {
    return this.problem() ?? unresolvedFailure(this.db);
  }

  /** Skip the rest of the backoff and try the printer now (it reported ready, or settings changed). */
  retryNow(): void {
    this.wakeSleep?.();
    this.kick();
  }

  /** Resolves once nothing printable is left or the worker waits for the printer. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs fn while no job is being sent (status polls, tests on the same printer: many take one connection at a time). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker after the job in hand; print() callers still waiting are answered. */
  stop(): void {
    this.stopped = true;
    this.wakeSleep?.();
    this.settle();
  }

  private kick(): void {
    if (this.stopped || this.printer === null) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain()
      .catch((err: unknown) => {
        // SQLite refused a write (disk full, closed at shutdown): the rows keep their state and the next kick retries.
        if (!this.stopped) console.error('[print-queue] worker stopped:', err);
      })
      .finally(() => {
        this.running = false;
        this.wakeIdle();
        if (this.again) this.kick();
      });
  }

  private async drain(): Promise<void> {
    let delayMs = this.retryMin;
    for (;;) {
      this.again = false;
      const printer = this.printer;
      const job = nextJob(this.db);
      if (this.stopped || printer === null || job === null) return;
      const outcome = await this.exclusive(() => this.attempt(printer, job));
      if (outcome === 'next') {
        delayMs = this.retryMin;
        continue;
      }
      this.settle();
      this.wakeIdle(); // waiting for the printer counts as idle
      await this.sleep(delayMs);
      delayMs = Math.min(this.retryMax, delayMs * 2);
    }
  }

  private async attempt(printer: ReceiptPrinter, job: PrintJobRow): Promise<'next' | 'wait'> {
    const doc = parseDoc(job);
    if (doc === null) {
      this.finish(job.id, 'failed', 'bad_document: the stored receipt cannot be read');
      return 'next';
    }
    setJobState(this.db, job.id, 'printing', null, Date.now(), true);
    this.onChange();
    let held: string | null = null;
    try {
      await printer.printReceipt(doc, {
        kickDrawer: doc.reprint !== true && hasCashTender(doc),
        onHeld: (code, message) => {
          const text = `${code}: ${message} — the printer holds this receipt and prints it once fixed`;
          if (text === held) return;
          held = text;
          this.current = { code, message };
          setJobState(this.db, job.id, 'printing', text, Date.now());
          this.onChange();
          this.settle();
        },
      });
      this.current = null;
      this.finish(job.id, 'done', null);
      return 'next';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (isPrinterError(err) && err.code !== 'write_failed') {
        this.current = { code: err.code, message };
        this.finish(job.id, 'queued', `${err.code}: ${message}`);
        return 'wait';
      }
      this.current = null;
      this.finish(job.id, 'failed', `${isPrinterError(err) ? err.code : 'bad_document'}: ${message}`);
      return 'next';
    }
  }

  private finish(id: string, state: 'queued' | 'done' | 'failed', lastError: string | null): void {
    setJobState(this.db, id, state, lastError, Date.now());
    this.onChange();
    this.settle();
  }

  /** Answers print() callers whose job has an outcome to report. */
  private settle(): void {
    for (const [id, list] of this.waiters) {
      const outcome = this.outcomeOf(id);
      if (outcome === null) continue;
      this.waiters.delete(id);
      for (const resolve of list) resolve(outcome);
    }
  }

  private outcomeOf(id: string): PrintOutcome | null {
    const row = getJob(this.db, id);
    if (row === null) return { printed: false, error: `no print job ${id}` };
    if (row.state === 'done') return { printed: true };
    if (row.state === 'failed') return { printed: false, error: row.last_error ?? 'failed' };
    if (this.stopped)
      return {
        printed: false,
        error: 'the print queue is stopped; the receipt is kept and prints after a restart',
      };
    if (this.printer === null)
      return {
        printed: false,
        error: 'no printer configured; the receipt is kept and prints once one is set up',
      };
    if (this.current !== null)
      return {
        printed: false,
        error: `${this.current.message}; the receipt is kept and prints once the printer is ready`,
      };
    return null;
  }

  private wakeIdle(): void {
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of w) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleep = () => {
        this.wakeSleep = null;
        done();
      };
    });
  }
}
