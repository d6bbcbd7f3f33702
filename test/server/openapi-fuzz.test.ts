// The OpenAPI document, fuzzed: for every documented operation, anonymous and as an admin, requests
// generated from its own schemas (valid and invalid params, query and body, fast-check with a fixed
// seed) never answer a 5xx, never a status the operation does not document, and every answer body
// matches the schema documented for its status (error bodies included).
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createSession } from '../../src-server/staff/sessions';
import { SESSION_COOKIE } from '../../shared/api/headers';
import { describeEachDialect } from './helpers/dialects';
import { invalidArb, resolve, validArb, type Json } from './helpers/schema-arb';
import { useTestServer, type Res, type Session } from './helpers/server';

const SEED = 20261204;
/** Generated requests per operation, identity and kind (valid / invalid). */
const RUNS = 3;

type Param = { name: string; in: 'path' | 'query'; required: boolean; schema: Json };
type Op = {
  operationId: string;
  parameters: Param[];
  requestBody?: { content: Record<string, { schema: Json; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
};
interface Req {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  raw?: string;
}

/** Values that exist in the demo market, so valid requests reach past the 404s. */
const KNOWN: Record<string, string[]> = {
  stall_id: ['S01', 'S02'],
  product_id: ['S01-V001'],
  buyer_id: ['B-S01-1'],
  staff_id: ['U02'],
  business_day: ['20260315'],
  bill_date: ['2026-03-15'],
};

function urlOf(path: string, r: Req): string {
  const p = path.replace(/\{([A-Za-z_]+)\}/g, (_m, n: string) => encodeURIComponent(String(r.params[n])));
  const q = Object.entries(r.query)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
    );
  return q.length > 0 ? `${p}?${q.join('&')}` : p;
}

function requestArb(op: Op, doc: Json, valid: boolean): fc.Arbitrary<Req> {
  const value = (p: Param) => {
    const known = KNOWN[p.name];
    const good = validArb(p.schema, doc);
    const arb = valid
      ? known
        ? fc.oneof(fc.constantFrom(...known), good)
        : good
      : fc.oneof(good, fc.string({ minLength: 1, maxLength: 80 }), fc.jsonValue({ maxDepth: 1 }));
    // An empty path segment is another URL, not this route.
    return p.in === 'path' ? arb.filter((v) => String(v).length > 0) : arb;
  };
  const group = (where: 'path' | 'query') =>
    fc.record(
      Object.fromEntries(op.parameters.filter((p) => p.in === where).map((p) => [p.name, value(p)])),
      {
        requiredKeys: op.parameters
          .filter((p) => p.in === where && (where === 'path' || p.required || valid))
          .map((p) => p.name),
      },
    );
  const body = op.requestBody?.content['application/json'];
  const bodyArb: fc.Arbitrary<{ body: unknown; raw?: string }> = !body
    ? fc.constant({ body: undefined })
    : valid
      ? fc.oneof(validArb(body.schema, doc), fc.constant(body.example ?? {})).map((b) => ({ body: b }))
      : fc.oneof(
          invalidArb(body.schema, doc).map((b) => ({ body: b })),
          fc.constantFrom('{nope', '[1,', '"', '').map((raw) => ({ body: undefined, raw })),
        );
  return fc
    .tuple(group('path'), group('query'), bodyArb)
    .map(([params, query, b]) => ({ params, query, ...b }));
}

describeEachDialect('OpenAPI fuzz', (dialect) => {
  const s = useTestServer(dialect);

  it('every documented operation answers only documented statuses, never a 5xx, with bodies of the documented schema', async () => {
    const doc = (await s().call('anon', 'GET', '/openapi.json')).body as Json & {
      paths: Record<string, Record<string, Op>>;
    };
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
    ajv.addSchema(doc, 'openapi');
    const check = (pointer: string, data: unknown): string | null => {
      const validate = ajv.getSchema(`openapi#${pointer}`);
      if (!validate) return `no schema at ${pointer}`;
      return validate(data) ? null : ajv.errorsText(validate.errors);
    };
    const esc = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');
    const failures: string[] = [];
    let calls = 0;
    const seen = new Map<string, Set<number>>();
    for (const [path, byMethod] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(byMethod)) {
        for (const who of ['anon', 'admin'] as const) {
          for (const valid of [true, false]) {
            const samples = fc.sample(requestArb(op, doc, valid), { seed: SEED + calls, numRuns: RUNS });
            for (const r of samples) {
              const url = urlOf(path, r);
              // Logging out (or a new password) would end the fuzzer's own admin session: those get one of their own.
              let as: 'anon' | 'admin' | Session = who;
              if (
                who === 'admin' &&
                (op.operationId === 'staffLogout' || op.operationId === 'staffSetPassword')
              ) {
                const own = await createSession(s().fresh.db, 'U01', Date.now());
                as = { cookie: `${SESSION_COOKIE}=${own.token}`, csrf: own.csrf_token };
              }
              const headers: Record<string, string> =
                r.raw !== undefined || r.body !== undefined ? { 'content-type': 'application/json' } : {};
              const payload = r.raw ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
              const res: Res = await s().call(as, method.toUpperCase(), url, payload, headers);
              calls++;
              (seen.get(op.operationId) ?? seen.set(op.operationId, new Set()).get(op.operationId))?.add(
                res.status,
              );
              const where = `${who} ${method.toUpperCase()} ${url} ${payload?.slice(0, 120) ?? ''} → ${res.status}`;
              const documented = op.responses[String(res.status)];
              if (res.status >= 500) failures.push(`5xx: ${where} ${JSON.stringify(res.body).slice(0, 200)}`);
              if (!documented) {
                failures.push(`undocumented status: ${where} ${JSON.stringify(res.body).slice(0, 200)}`);
                continue;
              }
              const media = Object.keys(documented.content ?? {})[0];
              if (!media) continue;
              const data =
                media === 'application/json'
                  ? res.body
                  : typeof res.body === 'string'
                    ? res.body
                    : JSON.stringify(res.body);
              const pointer = `/paths/${esc(path)}/${method}/responses/${res.status}/content/${esc(media)}/schema`;
              const problem = check(pointer, data);
              if (problem)
                failures.push(
                  `body does not match: ${where}: ${problem} ${JSON.stringify(res.body).slice(0, 300)}`,
                );
            }
          }
        }
      }
    }
    expect(failures.slice(0, 30)).toEqual([]);
    expect(calls).toBe(Object.values(doc.paths).flatMap((m) => Object.keys(m)).length * 2 * 2 * RUNS);
    // Valid requests as an admin reach success on most operations (not only refusals).
    const succeeded = [...seen].filter(([, st]) => [...st].some((x) => x < 300)).length;
    expect(succeeded).toBeGreaterThan(seen.size / 2);
    expect(resolve({ $ref: '#/components/schemas/Error_journal_gap' }, doc)).toMatchObject({
      properties: { error: { properties: { details: expect.any(Object) } } },
    });
  }, 300_000);
});
