/**
 * Pushes the journal to the server: entries with seq > acked_seq, in order,
 * in batches bounded by count and bytes; the server answers the highest seq
 * it holds. Retries use exponential backoff with full jitter; while offline a
 * cheap probe notices the network's return at once. Selling never waits on it:
 * reads are short statements and the only write is the acked seq.
 */
import { api } from '../../shared/api';
import type { KeyObject } from 'node:crypto';
import type { TerminalStatus } from '../../shared/contract/methods';
import {
  LEGACY_PUSH_BYTES,
  LEGACY_PUSH_ENTRIES,
  MAX_PUSH_BYTES,
  MAX_PUSH_ENTRIES,
  type JournalEntryWire,
} from '../../shared/sync/push';
import { journalAfter } from '../journal/journal';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { unsyncedEntries } from './at-risk';
import { backoffDelay, isOnline, TERMINAL_REFUSALS, type Link } from './connectivity';
import { callServer, NetworkError, ServerError, type ServerLink } from './server-client';

export interface SyncOptions {
  batchEntries?: number;
  batchBytes?: number;
  requestTimeoutMs?: number;
  retryDelayMsMin?: number;
  retryDelayMsMax?: number;
  /** delay between pushes when all is synced (new entries trigger a push at once) */
  idleDelayMs?: number;
  /** probe interval while offline, to notice the network's return */
  probeDelayMs?: number;
  random?: () => number;
}

export type SyncStatus = TerminalStatus['sync'] & { online: boolean; link: Link; acked_seq: number };

/** An answer slower than this marks the link degraded. */
const SLOW_ANSWER_MS = 5_000;

export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private running: Promise<boolean> | null = null;
  private stopped = true;
  private failures = 0;
  private read = 0;
  private lastSuccessMs: number | null = null;
  private link: Link = { state: 'starting' };
  private readonly server: ServerLink;
  private readonly o: Required<SyncOptions>;
  /** Batch bounds in force: the options', or the legacy ones once a server refused a push as too big. */
  private limits: { entries: number; bytes: number };

  constructor(
    private readonly db: Db,
    serverUrl: string,
    auth: { key: KeyObject; terminalId: string },
    private readonly onChange: () => void = () => {},
    options: SyncOptions = {},
  ) {
    this.o = {
      batchEntries: Math.min(options.batchEntries ?? MAX_PUSH_ENTRIES, MAX_PUSH_ENTRIES),
      batchBytes: Math.min(options.batchBytes ?? MAX_PUSH_BYTES, MAX_PUSH_BYTES),
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      retryDelayMsMin: options.retryDelayMsMin ?? 1_000,
      retryDelayMsMax: options.retryDelayMsMax ?? 60_000,
      idleDelayMs: options.idleDelayMs ?? 15_000,
      probeDelayMs: options.probeDelayMs ?? 3_000,
      random: options.random ?? Math.random,
    };
    this.server = { url: serverUrl, auth, timeoutMs: this.o.requestTimeoutMs };
    this.limits = { entries: this.o.batchEntries, bytes: this.o.batchBytes };
  }

  ackedSeq(): number {
    return Number(getSetting(this.db, 'acked_seq') ?? '0');
  }

  status(nowMs = Date.now()): SyncStatus {
    const risk = unsyncedEntries(this.db);
    const l = this.link;
    return {
      online: isOnline(l),
      link: l,
      acked_seq: this.ackedSeq(),
      queue_depth: risk.unsynced,
      oldest_unsynced_age_ms: risk.oldest_ms === null ? null : Math.max(0, nowMs - risk.oldest_ms),
      last_success_ms: this.lastSuccessMs,
      last_error: l.state === 'offline' || l.state === 'degraded' || l.state === 'refused' ? l.error : null,
    };
  }

  /** server clock − local clock, as last seen */
  get clockOffsetMs(): number {
    return this.server.clockOffsetMs ?? 0;
  }

  start(): void {
    this.stopped = false;
    this.pushNow();
  }

  /** Stops scheduling, and resolves once a push in flight has finished (so the database can close after it). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    await this.running;
  }

  /** The server refused this terminal outside a push (the event stream heard it was revoked): the link shows it. */
  refuse(err: ServerError): void {
    if (!TERMINAL_REFUSALS.has(err.code)) return;
    this.link = { state: 'refused', since_ms: Date.now(), code: err.code, error: err.message };
    this.onChange();
  }

  /**
   * A new entry was written. With the link good it goes out at once; after a failure the retry already
   * scheduled (backoff) or the offline probe takes it with everything written meanwhile, so ringing while
   * offline reads and serialises nothing per sale.
   */
  trigger(): void {
    if (this.stopped || this.waitingToRetry()) return;
    this.pushNow();
  }

  /** Journal entries read to build pushes since start (each attempt builds its batch once). */
  get entriesRead(): number {
    return this.read;
  }

  /** Push now, whatever the backoff: the server answered again. */
  private pushNow(): void {
    if (this.stopped) return;
    this.clearTimers();
    void this.runOnce();
  }

  /** The last attempt failed and its retry (or the probe) is scheduled: a push before it would fail the same way. */
  private waitingToRetry(): boolean {
    return this.failures > 0 && (this.timer !== null || this.running !== null);
  }

  /**
   * Pushes what is pending, or at most maxBatches batches (tests interleave terminals with 1);
   * true when no push failed. Concurrent calls share one run.
   */
  runOnce(maxBatches = Infinity): Promise<boolean> {
    if (!this.running) this.running = this.drain(maxBatches).finally(() => (this.running = null));
    return this.running;
  }

  private async drain(maxBatches: number): Promise<boolean> {
    let ok = false;
    try {
      let batch = this.nextBatch(this.ackedSeq());
      for (let n = 0; n < maxBatches && batch.length > 0; n++) {
        const last = batch.at(-1)?.seq ?? 0;
        const t0 = Date.now();
        const push = callServer(this.server, api.terminalJournalPush, { body: { entries: batch } });
        // Its failure is handled at the await below, after the read-ahead.
        push.catch(() => undefined);
        // Read the next batch while the server applies this one. It is sent only once this one is
        // acknowledged in full, so the server still sees the entries in order, each once.
        // Not while the link is down: a push that fails to connect would cost a second batch for nothing.
        const readAhead =
          n + 1 < maxBatches && (n > 0 || this.link.state !== 'offline')
            ? await afterSending(() => this.nextBatch(last))
            : [];
        const res = await push;
        this.saveAck(res.acked_seq);
        this.succeeded(Date.now() - t0);
        if (res.acked_seq < last)
          throw new ServerError(200, 'partial_ack', `server stored up to ${res.acked_seq} of ${last}`);
        // Empty read-ahead: entries written while the push was out are read now.
        batch = readAhead.length > 0 || n + 1 >= maxBatches ? readAhead : this.nextBatch(last);
      }
      // Nothing to push proves nothing about a refusal (a revocation heard on the event stream): it stays.
      if (this.link.state !== 'online' && this.link.state !== 'degraded' && this.link.state !== 'refused')
        this.succeeded(0);
      ok = true;
    } catch (err) {
      this.failed(err);
    } finally {
      this.onChange();
      this.schedule(ok);
    }
    return ok;
  }

  private saveAck(serverSeq: number): void {
    // The server's word is the truth: it may be lower than ours after a server restore, and then we resend.
    setSetting(this.db, 'acked_seq', String(serverSeq));
  }

  private succeeded(elapsedMs: number): void {
    const now = Date.now();
    this.failures = 0;
    this.lastSuccessMs = now;
    this.link =
      elapsedMs > SLOW_ANSWER_MS
        ? { state: 'degraded', since_ms: now, error: `slow answer (${elapsedMs} ms)` }
        : { state: 'online', since_ms: now };
  }

  private failed(err: unknown): void {
    const now = Date.now();
    this.failures++;
    if (err instanceof ServerError) {
      if (err.code === 'journal_gap' && typeof err.details.acked_seq === 'number')
        this.saveAck(err.details.acked_seq);
      if (err.code === 'payload_too_large' || err.code === 'bad_request') this.fallBackToLegacyBounds();
      if (TERMINAL_REFUSALS.has(err.code))
        this.link = { state: 'refused', since_ms: now, code: err.code, error: err.message };
      else this.link = { state: 'degraded', since_ms: now, error: `${err.code}: ${err.message}` };
    } else if (err instanceof NetworkError) {
      this.link = {
        state: 'offline',
        since_ms: this.link.state === 'offline' ? this.link.since_ms : now,
        error: err.message,
      };
    } else {
      this.link = {
        state: 'degraded',
        since_ms: now,
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  /** A server older than this till refuses its bigger batches: push within what that server accepts from now on. */
  private fallBackToLegacyBounds(): void {
    this.limits = {
      entries: Math.min(this.limits.entries, LEGACY_PUSH_ENTRIES),
      bytes: Math.min(this.limits.bytes, LEGACY_PUSH_BYTES),
    };
  }

  private schedule(ok: boolean): void {
    if (this.stopped) return;
    this.clearTimers();
    const delay = ok
      ? this.o.idleDelayMs
      : backoffDelay(this.failures, this.o.random, this.o.retryDelayMsMin, this.o.retryDelayMsMax);
    this.timer = setTimeout(() => void this.runOnce(), delay);
    this.timer.unref();
    if (this.link.state === 'offline') this.probe();
  }

  /**
   * While offline, ask the server's health cheaply and often: the moment it answers, push. New sales do not
   * push while a retry is scheduled, so this probe is what brings the link back: it waits as long as a push
   * would (a busy server that answers in 3 s is not offline, and a till that thinks so refuses payment codes).
   */
  private probe(): void {
    this.probeTimer = setTimeout(() => {
      void callServer(
        { url: this.server.url, auth: null, timeoutMs: this.o.requestTimeoutMs },
        api.healthz,
        {},
      ).then(
        () => this.pushNow(),
        () => !this.stopped && this.link.state === 'offline' && this.probe(),
      );
    }, this.o.probeDelayMs);
    this.probeTimer.unref();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.timer = null;
    this.probeTimer = null;
  }

  /** Entries after `afterSeq`, within the batch bounds. */
  private nextBatch(afterSeq: number): JournalEntryWire[] {
    const entries = journalAfter(this.db, afterSeq, this.limits.entries);
    this.read += entries.length;
    let bytes = 2;
    const out: JournalEntryWire[] = [];
    for (const e of entries) {
      bytes += e.payload.length + e.id.length + e.type.length + 200;
      if (out.length > 0 && bytes > this.limits.bytes) break;
      out.push(e);
    }
    return out;
  }
}

/** Runs `read` once the request just started has had its turn to go out on the socket. */
function afterSending<T>(read: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(read());
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }),
  );
}
