import { describe, expect, it } from 'vitest';
import {
  MAX_STREAMS_PER_TERMINAL,
  TerminalEventHub,
  type EventSubscriber,
  type HubMessage,
  type TerminalEvent,
} from './event-hub';

function sub(
  terminal_id: string,
  stall_id: string,
): EventSubscriber & { got: TerminalEvent[]; closed: boolean } {
  const s = {
    terminal_id,
    stall_id,
    got: [] as TerminalEvent[],
    closed: false,
    send: (e: TerminalEvent) => void s.got.push(e),
    close: () => void (s.closed = true),
  };
  return s;
}

describe('terminal event hub', () => {
  it('sends payment events to the terminal and config events to its stall only', () => {
    const hub = new TerminalEventHub();
    const a = sub('TA', 'S01');
    const b = sub('TB', 'S01');
    const c = sub('TC', 'S02');
    for (const s of [a, b, c]) hub.subscribe(s);
    hub.toTerminal('TA', { type: 'payment', seq: 3 });
    hub.toStall('S01', { type: 'config', version: 9 });
    expect(a.got).toEqual([
      { type: 'payment', seq: 3 },
      { type: 'config', version: 9 },
    ]);
    expect(b.got).toEqual([{ type: 'config', version: 9 }]);
    expect(c.got).toEqual([]);
  });

  it('keeps at most a few streams per terminal, closing the oldest', () => {
    const hub = new TerminalEventHub();
    const subs = Array.from({ length: MAX_STREAMS_PER_TERMINAL + 1 }, () => sub('TA', 'S01'));
    for (const s of subs) hub.subscribe(s);
    expect(hub.streams('TA')).toBe(MAX_STREAMS_PER_TERMINAL);
    expect(subs.map((s) => s.closed)).toEqual([true, ...subs.slice(1).map(() => false)]);
  });

  it('revoke tells and closes the terminal’s streams; unsubscribe and closeAll leave nothing behind', () => {
    const hub = new TerminalEventHub();
    const a = sub('TA', 'S01');
    const b = sub('TB', 'S01');
    const unsubscribeA = hub.subscribe(a);
    hub.subscribe(b);
    hub.revoke('TB');
    expect(b).toMatchObject({ got: [{ type: 'revoked' }], closed: true });
    expect(hub.streams('TB')).toBe(0);
    unsubscribeA();
    unsubscribeA();
    expect(hub.streams()).toBe(0);
    expect(a.closed).toBe(false);
    const c = sub('TC', 'S02');
    hub.subscribe(c);
    hub.closeAll();
    expect(c.closed).toBe(true);
    expect(hub.streams()).toBe(0);
  });

  it('with a relay (PostgreSQL fan-out) writers’ messages go to it, and come back through deliver', () => {
    const hub = new TerminalEventHub();
    const a = sub('TA', 'S01');
    hub.subscribe(a);
    const relayed: HubMessage[] = [];
    hub.relay = (m) => relayed.push(m);
    expect(hub.listened()).toBe(true);
    hub.toTerminal('TA', { type: 'payment', seq: 1 });
    hub.revoke('TA');
    expect(a.got).toEqual([]);
    for (const m of relayed) hub.deliver(m);
    expect(a).toMatchObject({ got: [{ type: 'payment', seq: 1 }, { type: 'revoked' }], closed: true });
  });
});
