/**
 * The till's end of the server's event stream (`GET /api/v1/terminal/events`,
 * shared/sync/events.ts). While the link is online it keeps one signed SSE
 * stream open and turns each event into a pull: `payment` → pull payments,
 * `config` → pull config, `revoked` → the link is refused. Every (re)connect
 * pulls both once the server has subscribed the stream (its `hello`), so
 * nothing that happened while disconnected is missed. A stream silent for
 * longer than two heartbeats is dead and is replaced. Reconnects back off
 * with full jitter; the link coming back online reconnects at once. Selling
 * never waits on any of it: the hooks only start pulls.
 */
import { assertNever } from '../../shared/sales/rounding';
import { api } from '../../shared/api';
import { SseParser, terminalEventSchema, type SseMessage } from '../../shared/sync/terminal-events';
import { backoffDelay, RETRY_DELAY_MS_MAX, RETRY_DELAY_MS_MIN, TERMINAL_REFUSALS } from './connectivity';
import { openServerStream, ServerError, type ServerLink } from './server-client';

export interface EventStreamHooks {
  /** the sync link's state: the stream is only opened while it is online */
  online(): boolean;
  /** a stream is open and subscribed: pull what may have been missed */
  connected(): void;
  payment(seq: number): void;
  config(version: number): void;
  /** the server refused this terminal (revoked, on the stream or when opening it) */
  refused(err: ServerError): void;
}

export interface EventStreamOptions {
  retryDelayMsMin?: number;
  retryDelayMsMax?: number;
  /** headers and the `hello` must arrive within this */
  connectTimeoutMs?: number;
  random?: () => number;
}

export type StreamState =
  /** not started, or stopped */
  | { state: 'stopped' }
  /** waiting for the sync link to come online */
  | { state: 'waiting_for_link' }
  /** request sent, no `hello` yet */
  | { state: 'connecting'; since_ms: number }
  /** subscribed: events arrive as they happen */
  | { state: 'open'; since_ms: number }
  /** the last stream failed or ended; the next try is at retry_at_ms */
  | { state: 'backoff'; retry_at_ms: number; error: string };

/** A heartbeat interval from the server beyond this is not believed (the idle timeout would be useless). */
const MAX_HEARTBEAT_MS = 5 * 60_000;
/** Slack on top of two heartbeats before a silent stream counts as dead. */
const IDLE_SLACK_MS = 5_000;

export class EventStream {
  private s: StreamState = { state: 'stopped' };
  private failures = 0;
  private abort: AbortController | null = null;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private running = false;
  private wasOnline = false;
  private readonly o: Required<EventStreamOptions>;

  constructor(
    private readonly server: ServerLink,
    private readonly hooks: EventStreamHooks,
    options: EventStreamOptions = {},
  ) {
    this.o = {
      retryDelayMsMin: options.retryDelayMsMin ?? RETRY_DELAY_MS_MIN,
      retryDelayMsMax: options.retryDelayMsMax ?? RETRY_DELAY_MS_MAX,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      random: options.random ?? Math.random,
    };
  }

  state(): StreamState {
    return this.s;
  }

  start(): void {
    if (this.loop) return;
    this.wasOnline = this.hooks.online();
    this.running = true;
    this.loop = this.run();
  }

  /** Ends the stream and resolves once the loop has finished. */
  async stop(): Promise<void> {
    const loop = this.loop;
    this.loop = null;
    this.running = false;
    this.abort?.abort();
    this.wake();
    await loop;
  }

  /** The sync link changed: when it has just come online, or the loop waits for it, connect now rather than after a backoff. */
  linkChanged(): void {
    const online = this.hooks.online();
    if (online && (!this.wasOnline || this.s.state === 'waiting_for_link')) {
      this.failures = 0;
      this.wake();
    }
    this.wasOnline = online;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (!this.hooks.online()) {
        this.s = { state: 'waiting_for_link' };
        await this.sleep(null);
        continue;
      }
      let error = 'the server ended the stream';
      try {
        await this.connectOnce();
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
        if (err instanceof ServerError && TERMINAL_REFUSALS.has(err.code)) this.hooks.refused(err);
      }
      if (!this.running) break;
      this.failures++;
      const delay = backoffDelay(
        this.failures,
        this.o.random,
        this.o.retryDelayMsMin,
        this.o.retryDelayMsMax,
      );
      this.s = { state: 'backoff', retry_at_ms: Date.now() + delay, error };
      await this.sleep(delay);
    }
    this.s = { state: 'stopped' };
  }

  /** One stream, from request to its end. Resolves when the server ends it; throws on failure. */
  private async connectOnce(): Promise<void> {
    const ac = new AbortController();
    this.abort = ac;
    this.s = { state: 'connecting', since_ms: Date.now() };
    let idleMs = this.o.connectTimeoutMs;
    const timeout = (why: string): NodeJS.Timeout =>
      setTimeout(() => ac.abort(new Error(why)), idleMs).unref();
    let idle = timeout(`no answer within ${idleMs} ms`);
    const arm = (): void => {
      clearTimeout(idle);
      idle = timeout(`the event stream was silent for ${idleMs} ms`);
    };
    try {
      const body = await openServerStream(this.server, api.terminalEvents, ac.signal);
      const reader = body.getReader();
      const text = new TextDecoder();
      const parser = new SseParser();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          arm();
          for (const m of parser.push(text.decode(value, { stream: true }))) {
            const heartbeat = this.dispatch(m);
            if (heartbeat !== null) {
              idleMs = 2 * Math.min(heartbeat, MAX_HEARTBEAT_MS) + IDLE_SLACK_MS;
              arm();
            }
          }
        }
      } finally {
        reader.releaseLock();
        await body.cancel().catch(() => undefined);
      }
    } catch (err) {
      // An abort surfaces as the reason it was given (or a bare AbortError): report the reason.
      throw ac.signal.aborted && ac.signal.reason instanceof Error ? ac.signal.reason : err;
    } finally {
      clearTimeout(idle);
      this.abort = null;
    }
  }

  /** Acts on one event; answers the heartbeat interval when it was the `hello`. Unknown events are skipped (a newer server). */
  private dispatch(m: SseMessage): number | null {
    let json: unknown;
    try {
      json = JSON.parse(m.data);
    } catch {
      throw new Error(`event ${m.event} is not JSON`);
    }
    const parsed = terminalEventSchema.safeParse(json);
    if (!parsed.success) return null;
    const e = parsed.data;
    switch (e.type) {
      case 'hello':
        this.failures = 0;
        this.s = { state: 'open', since_ms: Date.now() };
        this.hooks.connected();
        return e.heartbeat_ms;
      case 'payment':
        this.hooks.payment(e.seq);
        return null;
      case 'config':
        this.hooks.config(e.version);
        return null;
      case 'revoked':
        this.hooks.refused(
          new ServerError(403, 'terminal_revoked', 'this terminal was revoked by the market office'),
        );
        return null;
      default:
        return assertNever(e);
    }
  }

  private sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = ms === null ? null : setTimeout(done, ms);
      timer?.unref();
      this.wakeUp = done;
    });
  }

  private wake(): void {
    this.wakeUp?.();
  }
}
