// The terminal event stream on both dialects, over real HTTP: a signed stream opens with hello and
// heartbeats, staff changes to the stall's config arrive as `config` after their commit (a price with a
// version bump, a buyer without), another stall's changes do not, and revocation sends `revoked`, ends
// the stream and refuses the next one. Closing the app ends open streams (it would hang otherwise).
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { SseParser, type SseMessage } from '../../shared/sync/terminal-events';
import { openServerStream, type ServerLink } from '../../src-main/sync/server-client';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

interface Reading {
  raw: string;
  messages: SseMessage[];
  ended: Promise<'ended'>;
}

async function read(link: ServerLink): Promise<Reading> {
  const body = await openServerStream(link, api.terminalEvents, new AbortController().signal);
  const reader = body.getReader();
  const parser = new SseParser();
  const text = new TextDecoder();
  const r: Reading = { raw: '', messages: [], ended: Promise.resolve('ended') };
  r.ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended' as const;
      const chunk = text.decode(value, { stream: true });
      r.raw += chunk;
      r.messages.push(...parser.push(chunk));
    }
  })();
  return r;
}

async function until(fn: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 10));
  }
}

const data = (m: SseMessage): unknown => JSON.parse(m.data);

describeEachDialect('terminal event stream', (dialect) => {
  const s = useTestServer(dialect);
  let link: ServerLink;

  beforeAll(async () => {
    await s().app.listen({ host: '127.0.0.1', port: 0 });
    const addr = s().app.server.address();
    const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const res = await fetch(`${url}/api/v1/terminals/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        pairing_code: s().pairing.pairing_code,
        public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }),
      }),
    });
    const { terminal_id } = (await res.json()) as { terminal_id: string };
    link = { url, auth: { key: privateKey, terminalId: terminal_id } };
    s().services.events.heartbeat_ms = 100;
  });

  it('opens with hello and the heartbeat interval, then heartbeats', async () => {
    const r = await read(link);
    await until(() => r.messages.length > 0, 'hello');
    expect(r.messages[0]).toMatchObject({ event: 'hello' });
    expect(data(r.messages[0] as SseMessage)).toEqual({ type: 'hello', heartbeat_ms: 100 });
    await until(() => r.raw.includes(': heartbeat'), 'a heartbeat');
  });

  it('tells the stall’s terminal about config changes after they committed, and nothing about another stall’s', async () => {
    const r = await read(link);
    await until(() => r.messages.length > 0, 'hello');
    const version = async (): Promise<number> =>
      Number(
        (
          await s()
            .fresh.db.selectFrom('stall')
            .select('config_version')
            .where('id', '=', 'S01')
            .executeTakeFirstOrThrow()
        ).config_version,
      );
    const v0 = await version();
    expect(
      (await s().call('owner1', 'PATCH', '/api/v1/admin/products/S01-V001', { unit_price_fen: 135 })).status,
    ).toBe(200);
    await until(() => r.messages.length > 1, 'a config event');
    expect(data(r.messages[1] as SseMessage)).toEqual({ type: 'config', version: v0 + 1 });
    expect(await version()).toBe(v0 + 1);
    expect(
      (await s().call('owner2', 'PATCH', '/api/v1/admin/products/S02-F001', { unit_price_fen: 99 })).status,
    ).toBe(200);
    expect(
      (
        await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/buyers', {
          name: '推送测试',
          credit_limit_fen: 1000,
        })
      ).status,
    ).toBe(201);
    await until(() => r.messages.length > 2, 'the buyer’s config event');
    expect(data(r.messages[2] as SseMessage)).toEqual({ type: 'config', version: v0 + 1 });
    expect(r.messages.map((m) => m.event)).toEqual(['hello', 'config', 'config']);
  });

  it('revocation sends revoked and ends the stream; the next stream is refused', async () => {
    const r = await read(link);
    await until(() => r.messages.length > 0, 'hello');
    expect(
      (await s().call('admin', 'POST', `/api/v1/admin/terminals/${link.auth?.terminalId ?? ''}/revoke`, {}))
        .status,
    ).toBe(200);
    expect(await r.ended).toBe('ended');
    expect(r.messages.map((m) => m.event)).toEqual(['hello', 'revoked']);
    await expect(read(link)).rejects.toMatchObject({ status: 403, code: 'terminal_revoked' });
  });
});
