// The HTTP basics on both dialects: health, the OpenAPI document covering every route, one error shape, validation.
import { describe, expect, it } from 'vitest';
import { API_ROUTES, api } from '../../shared/api';
import { ROUTES } from '../../src-server/routes';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

describeEachDialect('http basics', (dialect) => {
  const s = useTestServer(dialect);

  it('answers /healthz', async () => {
    expect(await s().call('anon', 'GET', '/healthz')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('serves an OpenAPI 3.1 document that covers every registered route', async () => {
    const r = await s().call('anon', 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(ROUTES.map((r) => r.spec.id).sort());
    expect(doc.paths['/api/v1/admin/stalls/{stall_id}']?.get).toBeDefined();
  });

  it('declares every path parameter, a success schema and the error responses on every operation', async () => {
    type Op = {
      parameters: { name: string; in: string }[];
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
      security?: unknown[];
    };
    const doc = (await s().call('anon', 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(
          op.parameters
            .filter((p) => p.in === 'path')
            .map((p) => p.name)
            .sort(),
          `${method} ${path}`,
        ).toEqual(names.sort());
        const codes = Object.keys(op.responses);
        expect(
          codes.some((c) => c.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
        expect(codes).toEqual(expect.arrayContaining(['400', '413', '500']));
        if (op.security) expect(codes).toEqual(expect.arrayContaining(['401', '403']));
        for (const c of codes.filter((x) => !x.startsWith('2'))) {
          const refs =
            JSON.stringify(op.responses[c]?.content?.['application/json']?.schema).match(
              /#\/components\/schemas\/Error_[a-z_]+/g,
            ) ?? [];
          expect(refs.length, `${method} ${path} ${c}`).toBeGreaterThan(0);
          for (const r of refs)
            expect(doc.components.schemas[r.slice('#/components/schemas/'.length)], r).toBeDefined();
        }
      }
    }
  });

  it('answers one error shape: unknown route, bad JSON, invalid body', async () => {
    const nf = await s().call('anon', 'GET', '/nope');
    expect(nf).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const bad = await s().app.inject({
      method: 'POST',
      url: '/api/v1/terminals/enrol',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request' } });
    const invalid = await s().call('admin', 'POST', '/api/v1/admin/stalls', { name: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: { code: 'bad_request', message: expect.stringContaining('body.name') },
    });
  });
});

describe('route table', () => {
  it('has unique ids and method+path pairs, each declaration keyed by its id and implemented once', () => {
    expect(new Set(API_ROUTES.map((r) => r.id)).size).toBe(API_ROUTES.length);
    expect(new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(API_ROUTES.length);
    for (const [key, r] of Object.entries(api)) expect(r.id).toBe(key);
    expect(ROUTES.map((r) => r.spec).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...API_ROUTES].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('every example body is valid for its route', () => {
    for (const r of API_ROUTES)
      if (r.example !== undefined) expect(r.body?.safeParse(r.example).success, r.id).toBe(true);
  });
});
