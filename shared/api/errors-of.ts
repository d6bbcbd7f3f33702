/** Every error code a declared route may answer: its own, and those of validation, authentication and stall scoping. */
import { z } from 'zod';
import { API_ERRORS, type ApiErrorCode } from './errors';
import type { ApiRoute } from './route';
import { isStallScoped } from './scope';

/** Answered by any route: a bad body, params or query (also Fastify's own: bad JSON), a body past the limit, a bug. */
const ANY: readonly ApiErrorCode[] = ['bad_request', 'payload_too_large', 'internal'];
const STAFF: readonly ApiErrorCode[] = ['unauthenticated', 'forbidden'];
const TERMINAL: readonly ApiErrorCode[] = [
  'unauthenticated',
  'unknown_terminal',
  'terminal_revoked',
  'stale_timestamp',
  'bad_signature',
  'replayed_nonce',
];

/** Names of the properties of an object schema (params, query), for scoping. */
export function propertyNames(s: z.ZodType | undefined): string[] {
  if (!s) return [];
  const j = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(j.properties ?? {});
}

export function scopedParamsOf(r: ApiRoute): string[] {
  return [...propertyNames(r.params), ...propertyNames(r.query)].filter(isStallScoped);
}

export function errorsOf(r: ApiRoute): ApiErrorCode[] {
  const codes = new Set<ApiErrorCode>(ANY);
  if (r.auth.kind === 'staff') {
    for (const c of STAFF) codes.add(c);
    if (r.method !== 'GET') codes.add('csrf_failed');
    if (scopedParamsOf(r).length > 0) codes.add('not_found');
  }
  if (r.auth.kind === 'terminal') for (const c of TERMINAL) codes.add(c);
  for (const c of r.errors ?? []) codes.add(c);
  return [...codes];
}

/** The statuses a route may answer besides success, each with its codes. */
export function errorStatusesOf(r: ApiRoute): Map<number, ApiErrorCode[]> {
  const by = new Map<number, ApiErrorCode[]>();
  for (const c of errorsOf(r)) {
    const s = API_ERRORS[c];
    by.set(s, [...(by.get(s) ?? []), c]);
  }
  return by;
}
