/**
 * The OpenAPI 3.1 document, generated from the same route declarations the
 * server registers (zod 4's JSON Schema output is 2020-12, which 3.1 uses).
 * Extensions: `x-roles` lists the staff roles a route admits, and
 * `x-stall-scoped` names the parameters that tie a call to one stall.
 */
import { z } from 'zod';
import { ERROR_CODES, API_ERRORS } from './errors';
import type { AnyRoute } from './route';
import { SCOPED_PARAMS } from './scope';
import { SESSION_COOKIE, CSRF_HEADER } from '../staff/sessions';

type Json = { [k: string]: unknown };

const errorSchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) });

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const j = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  delete j.$schema;
  return j;
}

function parametersOf(s: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!s) return [];
  const j = schemaOf(s, 'input');
  const props = (j.properties ?? {}) as Record<string, Json>;
  const required = new Set((j.required ?? []) as string[]);
  return Object.entries(props).map(([name, schema]) => ({ name, in: where, required: where === 'path' || required.has(name), schema }));
}

export function openApiDocument(routes: readonly AnyRoute[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const statuses = new Set<number>(r.auth.kind === 'public' ? [400] : [400, 401, 403]);
    if (r.path.includes(':')) statuses.add(404);
    const op: Json = {
      operationId: r.id,
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      responses: {
        [String(r.status ?? 200)]: { description: 'success', content: { [r.produces ?? 'application/json']: { schema: schemaOf(r.response, 'output') } } },
        ...Object.fromEntries([...statuses].map((s) => [String(s), { $ref: `#/components/responses/E${s}` }])),
        '500': { $ref: '#/components/responses/E500' },
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input'), ...(r.example === undefined ? {} : { example: r.example }) } } };
    if (r.auth.kind === 'staff') {
      op.security = [{ staffSession: [] }];
      op['x-roles'] = r.auth.roles;
      if (r.method !== 'GET') op['x-csrf-header'] = CSRF_HEADER;
    }
    if (r.auth.kind === 'terminal') op.security = [{ terminalSignature: [] }];
    const scoped = [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')].map((p) => String(p.name)).filter((n) => SCOPED_PARAMS.includes(n));
    if (scoped.length > 0) op['x-stall-scoped'] = scoped;
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  const statusList = [...new Set(Object.values(API_ERRORS))];
  return {
    openapi: '3.1.0',
    info: { title: 'MarketTill settlement server', version: '1' },
    paths,
    components: {
      schemas: { Error: schemaOf(errorSchema, 'output') },
      responses: Object.fromEntries(statusList.map((s) => [`E${s}`, { description: `error (${ERROR_CODES.filter((c) => API_ERRORS[c] === s).join(', ')})`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        terminalSignature: { type: 'apiKey', in: 'header', name: 'x-mt-signature', description: 'Ed25519 over method, path, timestamp, nonce and body SHA-256 (shared/sync/signing.ts)' },
      },
    },
  };
}
