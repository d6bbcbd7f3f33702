/**
 * The in-process hub behind `GET /api/v1/terminal/events` (DESIGN.md "The
 * terminal journal is the outbox": while online, the server pushes). Writers
 * tell it after their transaction committed — a payment update appended for a
 * terminal, a stall's config version bumped, a terminal revoked — and it
 * passes the word to that terminal's open streams. It carries signals, not
 * data: the till pulls what changed through the ordinary signed routes, so a
 * lost signal costs only latency (the till pulls on reconnect and polls
 * slowly as a safety net).
 *
 * One hub per server process, made with its services (services.ts). Several server
 * processes on one PostgreSQL database fan out through it (pg-fanout.ts): a
 * writer's message goes to the `relay` (NOTIFY), and every process, this one
 * included, delivers it to its own streams when it comes back (LISTEN).
 */
import type { TerminalEventWire } from '../../shared/sync/terminal-events';
import { assertNever } from '../../shared/sales/rounding';

export type TerminalEvent = TerminalEventWire;

/** What a writer asks the hub to do: the unit that crosses processes. */
export type HubMessage =
  | { to: 'terminal'; id: string; event: TerminalEvent }
  | { to: 'stall'; id: string; event: TerminalEvent }
  | { to: 'revoke'; id: string };

export interface EventSubscriber {
  terminal_id: string;
  stall_id: string;
  send(e: TerminalEvent): void;
  /** ends the stream (revoked, replaced by a newer stream, server closing) */
  close(): void;
}

/** A till keeps one stream; a second may overlap while a dead one is not yet noticed. Beyond that the oldest goes. */
export const MAX_STREAMS_PER_TERMINAL = 2;
/** Open streams this process accepts in all: a market has tens of tills, not thousands. */
export const MAX_STREAMS = 5_000;
export const HEARTBEAT_MS = 15_000;

export class TerminalEventHub {
  private readonly byTerminal = new Map<string, EventSubscriber[]>();
  private total = 0;

  heartbeat_ms = HEARTBEAT_MS;
  /** Set while events fan out across processes: writers' messages go there instead of straight to this process's streams. */
  relay: ((m: HubMessage) => void) | null = null;

  /** No room for another terminal's stream (a terminal's own new stream replaces its oldest). */
  full(terminalId: string): boolean {
    return this.total >= MAX_STREAMS && this.streams(terminalId) === 0;
  }

  /** Answers the unsubscribe function. */
  subscribe(s: EventSubscriber): () => void {
    const list = this.byTerminal.get(s.terminal_id) ?? [];
    while (list.length >= MAX_STREAMS_PER_TERMINAL) this.drop(list, list[0]);
    list.push(s);
    this.total++;
    this.byTerminal.set(s.terminal_id, list);
    return () => this.drop(this.byTerminal.get(s.terminal_id) ?? [], s, false);
  }

  toTerminal(terminalId: string, e: TerminalEvent): void {
    this.route({ to: 'terminal', id: terminalId, event: e });
  }

  toStall(stallId: string, e: TerminalEvent): void {
    this.route({ to: 'stall', id: stallId, event: e });
  }

  /** Tells the terminal's streams it is revoked, then ends them. */
  revoke(terminalId: string): void {
    this.route({ to: 'revoke', id: terminalId });
  }

  /** Someone may be listening: a stream here, or other processes behind the relay. */
  listened(): boolean {
    return this.total > 0 || this.relay !== null;
  }

  private route(m: HubMessage): void {
    if (this.relay) this.relay(m);
    else this.deliver(m);
  }

  /** Hands a message to this process's streams. */
  deliver(m: HubMessage): void {
    switch (m.to) {
      case 'terminal':
        for (const s of [...(this.byTerminal.get(m.id) ?? [])]) s.send(m.event);
        return;
      case 'stall':
        for (const list of this.byTerminal.values())
          for (const s of [...list]) if (s.stall_id === m.id) s.send(m.event);
        return;
      case 'revoke': {
        const list = this.byTerminal.get(m.id) ?? [];
        for (const s of [...list]) {
          s.send({ type: 'revoked' });
          this.drop(list, s);
        }
        return;
      }
      default:
        assertNever(m);
    }
  }

  /** Ends every stream (the server is closing: open streams would hold its close forever). */
  closeAll(): void {
    for (const list of [...this.byTerminal.values()]) for (const s of [...list]) this.drop(list, s);
  }

  streams(terminalId?: string): number {
    return terminalId === undefined ? this.total : (this.byTerminal.get(terminalId)?.length ?? 0);
  }

  private drop(list: EventSubscriber[], s: EventSubscriber | undefined, close = true): void {
    const i = s ? list.indexOf(s) : -1;
    if (!s || i < 0) return;
    list.splice(i, 1);
    this.total--;
    if (list.length === 0) this.byTerminal.delete(s.terminal_id);
    if (close) s.close();
  }
}
