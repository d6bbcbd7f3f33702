/**
 * Print jobs live in SQLite: stored in the sale's transaction, then sent.
 * queued → printing → done | failed(reason). A failed job stays and is
 * retried; nothing acknowledged is lost because the printer was out of paper.
 */
import type { ReceiptDoc } from '../../shared/receipt/model';
import type { Db } from '../store/db';

export interface ReceiptPrinter {
  printReceipt(doc: ReceiptDoc, opts: { kickDrawer: boolean }): Promise<void>;
}

export type PrintOutcome = { printed: true } | { printed: false; error: string };

export class PrintQueue {
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly printer: ReceiptPrinter | null,
    private readonly onChange: () => void = () => {},
  ) {}

  get configured(): boolean {
    return this.printer !== null;
  }

  /** Prints one job now (serialised with other jobs) and reports how it went. */
  print(jobId: string): Promise<PrintOutcome> {
    const run = this.busy.then(() => this.printNow(jobId));
    this.busy = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  lastError(): string | null {
    const row = this.db.prepare("SELECT last_error FROM print_job WHERE state = 'failed' ORDER BY updated_ms DESC LIMIT 1").get() as { last_error: string } | undefined;
    return row?.last_error ?? null;
  }

  private async printNow(jobId: string): Promise<PrintOutcome> {
    if (!this.printer) return { printed: false, error: 'no printer configured' };
    const row = this.db.prepare('SELECT document, state, sale_id FROM print_job WHERE id = ?').get(jobId) as { document: string; state: string; sale_id: string | null } | undefined;
    if (!row) return { printed: false, error: `no print job ${jobId}` };
    if (row.state === 'done') return { printed: true };
    this.setState(jobId, 'printing', null);
    try {
      await this.printer.printReceipt(JSON.parse(row.document) as ReceiptDoc, { kickDrawer: true });
      this.setState(jobId, 'done', null);
      return { printed: true };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.setState(jobId, 'failed', message);
      return { printed: false, error: message };
    } finally {
      this.onChange();
    }
  }

  private setState(jobId: string, state: 'printing' | 'done' | 'failed', error: string | null): void {
    this.db.prepare('UPDATE print_job SET state = ?, last_error = ?, attempts = attempts + (? = \'printing\'), updated_ms = ? WHERE id = ?').run(state, error, state, Date.now(), jobId);
  }
}
