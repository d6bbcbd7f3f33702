/**
 * Pushes the journal to the server: entries with seq > acked_seq, in order, in
 * bounded batches; retries with exponential backoff and full jitter. Selling
 * never waits on it.
 */
import type { KeyObject } from 'node:crypto';
import { MAX_PUSH_BYTES, MAX_PUSH_ENTRIES, pushResponseSchema, type JournalEntryWire } from '../../shared/sync/push';
import type { TerminalStatus } from '../../shared/contract/methods';
import { journalAfter } from '../journal/journal';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { callServer } from './server-client';
import { stmt } from '../store/sql';

export const RETRY_DELAY_MS_MIN = 1_000;
export const RETRY_DELAY_MS_MAX = 60_000;

type SyncStatus = TerminalStatus['sync'] & { online: boolean };

export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private failures = 0;
  private lastSuccessMs: number | null = null;
  private lastError: string | null = null;
  private online = false;

  constructor(
    private readonly db: Db,
    private readonly serverUrl: string,
    private readonly auth: { key: KeyObject; terminalId: string },
    private readonly onChange: () => void = () => {},
  ) {}

  ackedSeq(): number {
    return Number(getSetting(this.db, 'acked_seq') ?? '0');
  }

  status(nowMs = Date.now()): SyncStatus {
    const acked = this.ackedSeq();
    const row = stmt(this.db, 'SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM journal WHERE seq > ?').get(acked) as { n: number; oldest: number | null };
    return {
      online: this.online,
      queue_depth: row.n,
      oldest_unsynced_age_ms: row.oldest === null ? null : Math.max(0, nowMs - row.oldest),
      last_success_ms: this.lastSuccessMs,
      last_error: this.lastError,
    };
  }

  start(): void {
    this.stopped = false;
    this.trigger();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Try now (a new sale, or the network came back). */
  trigger(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.runOnce();
  }

  /** Drains everything pending; resolves when the queue is empty or a push failed. */
  async runOnce(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    let ok = true;
    try {
      for (;;) {
        const batch = this.nextBatch();
        if (batch.length === 0) break;
        const res = await callServer(this.serverUrl, this.auth, 'POST', '/api/v1/terminal/journal', { entries: batch }, pushResponseSchema);
        setSetting(this.db, 'acked_seq', String(Math.max(this.ackedSeq(), res.acked_seq)));
        this.markSuccess();
        if (res.acked_seq < (batch.at(-1)?.seq ?? 0)) break; // the server stored less than sent; retry later
      }
      this.markSuccess();
    } catch (err) {
      ok = false;
      this.failures++;
      this.online = false;
      this.lastError = err instanceof Error ? err.message : String(err);
    } finally {
      this.running = false;
      this.onChange();
      this.schedule(ok);
    }
    return ok;
  }

  private markSuccess(): void {
    this.failures = 0;
    this.online = true;
    this.lastSuccessMs = Date.now();
    this.lastError = null;
  }

  private schedule(ok: boolean): void {
    if (this.stopped) return;
    const cap = Math.min(RETRY_DELAY_MS_MAX, RETRY_DELAY_MS_MIN * 2 ** Math.min(this.failures, 16));
    // Full jitter on failure; a slow heartbeat when all is well.
    const delay = ok ? 5_000 : Math.max(RETRY_DELAY_MS_MIN, Math.floor(Math.random() * cap));
    this.timer = setTimeout(() => void this.runOnce(), delay);
    this.timer.unref();
  }

  private nextBatch(): JournalEntryWire[] {
    const entries = journalAfter(this.db, this.ackedSeq(), MAX_PUSH_ENTRIES);
    let bytes = 0;
    const out: JournalEntryWire[] = [];
    for (const e of entries) {
      bytes += e.payload.length + 300;
      if (out.length > 0 && bytes > MAX_PUSH_BYTES) break;
      out.push(e);
    }
    return out;
  }
}
