/**
 * `GET /api/v1/terminal/events`: a signed terminal's Server-Sent Events
 * stream. It opens with `hello` (the heartbeat interval), then carries
 * `payment`, `config` and `revoked` from the hub (event-hub.ts), with a
 * heartbeat comment in between so a dead connection is noticed at both ends.
 */
import { api } from '../../shared/api';
import type { ServerResponse } from 'node:http';
import { SSE_HEARTBEAT, sseEvent, type TerminalEventWire } from '../../shared/sync/terminal-events';
import { ApiError } from '../http/errors';
import { implement, must } from '../http/route';
import type { EventSubscriber } from './event-hub';

/** A client that stops reading lets the server buffer this much for it, then its stream is ended. */
const MAX_BUFFERED_BYTES = 64 * 1024;

function openStream(
  res: ServerResponse,
  sub: Omit<EventSubscriber, 'send' | 'close'>,
  heartbeatMs: number,
  onEnd: () => void,
): EventSubscriber {
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    onEnd();
    res.end();
  };
  const write = (text: string): void => {
    if (ended) return;
    if (res.writableLength > MAX_BUFFERED_BYTES || res.destroyed) return end();
    res.write(text);
  };
  const heartbeat = setInterval(() => write(SSE_HEARTBEAT), heartbeatMs);
  heartbeat.unref();
  res.on('close', end);
  return {
    ...sub,
    send: (e: TerminalEventWire) => {
      write(sseEvent(e));
      if (e.type === 'revoked') end();
    },
    close: end,
  };
}

export const terminalEventRoutes = [
  implement(api.terminalEvents, async ({ services, terminal, reply }) => {
    const t = must(terminal, 'terminal');
    const hub = services.events;
    if (hub.full(t.id))
      throw new ApiError('rate_limited', 'too many open event streams on this server; poll instead');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      date: new Date().toUTCString(),
    });
    let unsubscribe: (() => void) | null = null;
    const sub = openStream(res, { terminal_id: t.id, stall_id: t.stall_id }, hub.heartbeat_ms, () =>
      unsubscribe?.(),
    );
    unsubscribe = hub.subscribe(sub);
    sub.send({ type: 'hello', heartbeat_ms: hub.heartbeat_ms });
    return '';
  }),
];
