// Browser-mode transport over a real HTTP server on 127.0.0.1: the launch token is required for every call.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypedEmitter } from '../events';
import { TOKEN_HEADER } from '../../shared/contract/loopback';
import { startHttpTransport, type HttpTransport } from './http-transport';
import { SESSION_INFO, fakeHandlers } from '../../test/helpers/fake-handlers';

let t: HttpTransport;
const events = new TypedEmitter();

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'mt-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<h1>till</h1>');
  const handlers = fakeHandlers({
    'session-info': () => ({ ...SESSION_INFO, stall_name: '老王' }),
    'catalog-list': () => ({ products: [] }),
    'status-get': () => ({
      online: true,
      sync: { queue_depth: 0, oldest_unsynced_age_ms: null, last_success_ms: null, last_error: null },
      printer: { state: 'none', message: null },
    }),
  });
  t = await startHttpTransport({ handlers, events, port: 0, staticDir });
});
afterAll(() => t.close());

const rpc = (name: string, body: unknown, token?: string) =>
  fetch(`${t.url}/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify(body),
  });

describe('browser-mode transport', () => {
  it('listens on loopback and puts the token in the URL fragment only', () => {
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.uiUrl).toBe(`${t.url}/#token=${t.token}`);
  });

  it('refuses a request without the launch token, or with a wrong one', async () => {
    const none = await rpc('session-info', {});
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: expect.any(String) },
    });
    const wrong = await rpc('session-info', {}, 'f'.repeat(t.token.length));
    expect(wrong.status).toBe(401);
    const sse = await fetch(`${t.url}/events`);
    expect(sse.status).toBe(401);
  });

  it('answers envelopes with the token, and a clear error for bad input', async () => {
    expect(await (await rpc('session-info', {}, t.token)).json()).toMatchObject({
      ok: true,
      value: { stall_name: '老王' },
    });
    expect(await (await rpc('sale-complete', { lines: 'nope' }, t.token)).json()).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await (await rpc('drop-tables', {}, t.token)).json()).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const notJson = await fetch(`${t.url}/rpc/session-info`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.token },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('streams status events to a client holding the token', async () => {
    const res = await fetch(`${t.url}/events?token=${t.token}`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    events.emit('status', {
      online: false,
      sync: { queue_depth: 7, oldest_unsynced_age_ms: 5, last_success_ms: null, last_error: 'down' },
      printer: { state: 'none', message: null },
    });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"queue_depth":7');
    await reader.cancel();
  });

  it('serves the UI but nothing outside its folder', async () => {
    expect(await (await fetch(`${t.url}/`)).text()).toContain('till');
    expect((await fetch(`${t.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});

describe('malformed input on the browser-mode transport', () => {
  it('answers a malformed percent-escape in the path with 400, not a 500', async () => {
    const page = await fetch(`${t.url}/%zz`);
    expect(page.status).toBe(400);
    expect(await page.json()).toEqual({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('escape') },
    });
    const call = await fetch(`${t.url}/rpc/%E0%A4%A`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.token },
      body: '{}',
    });
    expect(call.status).toBe(400);
    expect(await call.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('answers a body past the limit with 413 instead of cutting the connection', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${t.url}/rpc/session-info`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.token },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('too large') },
    });
    // the transport still answers afterwards
    expect((await rpc('session-info', {}, t.token)).status).toBe(200);
  });

  it('answers a body that is JSON but not an object with a clear 400', async () => {
    const res = await fetch(`${t.url}/rpc/session-info`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.token },
      body: '\u0000',
    });
    expect(res.status).toBe(400);
    const bad = await fetch(`${t.url}/rpc/session-info`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.token },
      body: Buffer.from([0xff, 0xfe, 0x7b]),
    });
    expect(bad.status).toBe(400);
  });
});
