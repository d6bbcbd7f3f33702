/**
 * The OpenAPI 3.1 document, generated from the shared route declarations
 * (zod 4's JSON Schema output is 2020-12, which 3.1 uses). Every status a
 * route may answer is listed, each error status with the exact codes (and
 * their details) that route may answer there. Extensions: `x-roles` lists the
 * staff roles a route admits, `x-stall-scoped` names the parameters that tie
 * a call to one stall, `x-csrf-header` the header a state-changing staff call sends.
 */
import { z } from 'zod';
import { API_ERRORS, ERROR_CODES, errorBodySchemaOf } from './errors';
import { errorStatusesOf, scopedParamsOf } from './errors-of';
import { XLSX_MEDIA_TYPE } from './exports';
import { CSRF_HEADER, SESSION_COOKIE, SIGNATURE_HEADERS } from './headers';
import type { ApiRoute } from './route';

type Json = { [k: string]: unknown };

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
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema,
  }));
}

const ref = (code: string): Json => ({ $ref: `#/components/schemas/Error_${code}` });

function operationOf(r: ApiRoute): Json {
  const errors = Object.fromEntries(
    [...errorStatusesOf(r)].map(([status, codes]) => [
      String(status),
      {
        description: codes.join(', '),
        content: {
          'application/json': {
            schema: codes.length === 1 ? ref(codes[0] ?? '') : { anyOf: codes.map(ref) },
          },
        },
      },
    ]),
  );
  const op: Json = {
    operationId: r.id,
    summary: r.summary,
    tags: [r.tag],
    parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
    responses: {
      [String(r.status ?? 200)]: { description: 'success', content: successContent(r) },
      ...errors,
    },
  };
  if (r.body)
    op.requestBody = {
      required: true,
      content: {
        'application/json': {
          schema: schemaOf(r.body, 'input'),
          ...(r.example === undefined ? {} : { example: r.example }),
        },
      },
    };
  if (r.auth.kind === 'staff') {
    op.security = [{ staffSession: [] }];
    op['x-roles'] = r.auth.roles;
    if (r.method !== 'GET') op['x-csrf-header'] = CSRF_HEADER;
  }
  if (r.auth.kind === 'terminal') op.security = [{ terminalSignature: [] }];
  const scoped = scopedParamsOf(r);
  if (scoped.length > 0) op['x-stall-scoped'] = scoped;
  return op;
}

export function openApiDocument(routes: readonly ApiRoute[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes)
    (paths[r.path.replace(/:([A-Za-z_]+)/g, '{$1}')] ??= {})[r.method.toLowerCase()] = operationOf(r);
  return {
    openapi: '3.1.0',
    info: {
      title: 'MarketTill settlement server',
      version: '1',
      description: 'Every answer other than success is { error: { code, message, details? } }.',
    },
    paths,
    components: {
      schemas: Object.fromEntries(
        ERROR_CODES.map((c) => [
          `Error_${c}`,
          { ...schemaOf(errorBodySchemaOf(c), 'output'), description: `HTTP ${API_ERRORS[c]}` },
        ]),
      ),
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        terminalSignature: {
          type: 'apiKey',
          in: 'header',
          name: SIGNATURE_HEADERS.signature,
          description: `Ed25519 over method, path, timestamp, nonce and body SHA-256 (shared/sync/signing.ts), with ${Object.values(SIGNATURE_HEADERS).join(', ')}`,
        },
      },
    },
  };
}

function successContent(r: ApiRoute): Json {
  if (r.produces === 'table-file')
    return {
      'text/csv': { schema: { type: 'string' } },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    };
  return { [r.produces ?? 'application/json']: { schema: schemaOf(r.response, 'output') } };
}
