// Malformed input over a real socket: bad percent-escapes in the path, bodies that are not JSON and bodies
// past the limit answer the API's one error shape with a 4xx, never a 500 or a cut connection.
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '../../shared/sync/push';
import { useTestServer } from './helpers/server';

const s = useTestServer('sqlite');
let base = '';
beforeAll(async () => {
  await s().app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(s().app.server.address() as AddressInfo).port}`;
});

const errorShape = (code: string) => ({ error: { code, message: expect.any(String) } });

describe('malformed HTTP input at the server', () => {
  it('answers a malformed percent-escape in the path with 400 bad_request', async () => {
    for (const [method, path] of [
      ['GET', '/%zz'],
      ['POST', '/api/v1/admin/login/%E0%A4%A'],
      ['GET', '/api/v1/admin/stalls/%E0%A4%A'],
    ] as const) {
      const r = await fetch(`${base}${path}`, {
        method,
        ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      expect(r.status, `${method} ${path}`).toBe(400);
      expect(await r.json()).toEqual(errorShape('bad_request'));
    }
  });

  it('answers a body that is not JSON, or not UTF-8, with 400 bad_request', async () => {
    for (const body of ['{oops', Buffer.from([0xff, 0xfe, 0x7b])]) {
      const r = await fetch(`${base}/api/v1/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(r.status).toBe(400);
      expect(await r.json()).toEqual(errorShape('bad_request'));
    }
  });

  it('answers a body of an unknown content type with a 4xx and the error shape', async () => {
    const r = await fetch(`${base}/api/v1/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/x-nope' },
      body: 'hi',
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(await r.json()).toEqual(errorShape('bad_request'));
  });

  it('answers a body past the limit with 413 payload_too_large, and keeps serving', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_PUSH_BYTES * 2 + 1024) });
    const r = await fetch(`${base}/api/v1/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual(errorShape('payload_too_large'));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
