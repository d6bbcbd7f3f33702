import { describe, expect, it } from 'vitest';
import { MAX_SSE_EVENT_BYTES, SSE_HEARTBEAT, SseParser, sseEvent } from './terminal-events';

describe('SSE framing', () => {
  it('round-trips events, whatever the chunking, and skips heartbeats', () => {
    const text =
      sseEvent({ type: 'hello', heartbeat_ms: 15_000 }) +
      SSE_HEARTBEAT +
      sseEvent({ type: 'payment', seq: 7 }) +
      sseEvent({ type: 'revoked' });
    for (let size = 1; size <= text.length; size++) {
      const p = new SseParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
      expect(out.map((m) => [m.event, JSON.parse(m.data)])).toEqual([
        ['hello', { type: 'hello', heartbeat_ms: 15_000 }],
        ['payment', { type: 'payment', seq: 7 }],
        ['revoked', { type: 'revoked' }],
      ]);
    }
  });

  it('reads CRLF and CR line ends, joins data lines, names unnamed events "message"', () => {
    const p = new SseParser();
    expect(p.push('event: config\r\ndata: {"a":\r\ndata:1}\r\n\r')).toEqual([]);
    expect(p.push('\ndata: x\r\rdata:y\n\n')).toEqual([
      { event: 'config', data: '{"a":\n1}' },
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y' },
    ]);
  });

  it('refuses a message longer than the limit', () => {
    const p = new SseParser();
    expect(() => p.push(`data: ${'x'.repeat(MAX_SSE_EVENT_BYTES)}`)).toThrow(/longer than/);
  });
});
