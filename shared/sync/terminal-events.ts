/**
 * The terminal event stream (`GET /api/v1/terminal/events`, Server-Sent
 * Events): what the server pushes to an online till, and the SSE framing
 * both sides use. Events are signals; the till pulls the data they name.
 */
import { z } from 'zod';

/** One event's text may not exceed this; a stream that sends more is broken and is dropped. */
export const MAX_SSE_EVENT_BYTES = 16 * 1024;

export const terminalEventSchema = z.discriminatedUnion('type', [
  /** first on every stream: how often the server sends a heartbeat, so the till can tell a dead stream */
  z.object({ type: z.literal('hello'), heartbeat_ms: z.number().int().positive() }),
  /** a payment update for this terminal was appended at this cursor: pull payments */
  z.object({ type: z.literal('payment'), seq: z.number().int().nonnegative() }),
  /** the stall's configuration is now at this version: pull config */
  z.object({ type: z.literal('config'), version: z.number().int() }),
  /** the terminal was revoked; the stream ends */
  z.object({ type: z.literal('revoked') }),
]);
export type TerminalEventWire = z.infer<typeof terminalEventSchema>;

export function sseEvent(e: TerminalEventWire): string {
  return `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}
export const SSE_HEARTBEAT = ': heartbeat\n\n';

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental SSE parser (the WHATWG "event stream interpretation", minus
 * `id` and `retry`, which this stream does not use): feed it text as it
 * arrives, get whole messages back. Comments (heartbeats) yield nothing.
 */
export class SseParser {
  private buf = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buf += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buf);
      // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
      if (!m || (m[0] === '\r' && m.index === this.buf.length - 1)) break;
      const line = this.buf.slice(0, m.index);
      this.buf = this.buf.slice(m.index + m[0].length);
      const msg = this.line(line);
      if (msg) out.push(msg);
    }
    if (this.buf.length + this.data.reduce((n, d) => n + d.length, 0) > MAX_SSE_EVENT_BYTES)
      throw new Error(`event stream message longer than ${MAX_SSE_EVENT_BYTES} bytes`);
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      const msg =
        this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return msg;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}
