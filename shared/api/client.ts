/**
 * What a client needs to call a declared route: the URL from its path and
 * query, the body to send, and the answer read with the route's own schema
 * (an error body read as an ApiFailure with its code and details). Pure: the
 * till's sync client and the staff web bring their own fetch.
 */
import type { z } from 'zod';
import { errorBodySchema } from './errors';
import type { Answer, ApiRoute, BodyIn, ParamsIn, QueryIn } from './route';

type Part<K extends string, T> = [T] extends [undefined] ? { [k in K]?: undefined } : { [k in K]: T };
/** The params, query and body a call of the route sends (each only where the route has it). */
export type CallArgs<R extends ApiRoute> = Part<'params', ParamsIn<R>> &
  Part<'query', QueryIn<R>> &
  Part<'body', BodyIn<R>>;

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

type Scalar = string | number | boolean | null | undefined;

/** The route's path with its `:name` parameters filled in (URI-encoded). */
export function pathOf(r: ApiRoute, params?: unknown): string {
  const values = (params ?? {}) as Record<string, Scalar>;
  return r.path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined || v === null || v === '') throw new Error(`${r.id}: path parameter ${name} missing`);
    return encodeURIComponent(String(v));
  });
}

/** Path and query string of a call. */
export function urlOf<R extends ApiRoute>(r: R, args: CallArgs<R>): string {
  const path = pathOf(r, args.params);
  const query = Object.entries((args.query ?? {}) as Record<string, Scalar>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

/** The JSON text to send, or '' for a route without a body. */
export function bodyText<R extends ApiRoute>(r: R, args: CallArgs<R>): string {
  return r.body && args.body !== undefined ? JSON.stringify(args.body) : '';
}

/** The error an answer that is not the route's success carries (`http_error` when its body is not ours). */
export function failureOf(status: number, json: unknown): ApiFailure {
  const e = errorBodySchema.safeParse(json);
  if (!e.success) return new ApiFailure(status, 'http_error', `HTTP ${status}`);
  return new ApiFailure(status, e.data.error.code, e.data.error.message, e.data.error.details);
}

/** Reads an answer: the route's success parsed with its schema (`bad_answer` when it does not match), else the failure. */
export function readAnswer<R extends ApiRoute>(r: R, status: number, json: unknown): Answer<R> {
  if (status < 200 || status >= 300) throw failureOf(status, json);
  const parsed = (r.response as z.ZodType<Answer<R>>).safeParse(json);
  if (!parsed.success)
    throw new ApiFailure(
      status,
      'bad_answer',
      `the answer to ${r.id} is not what this client expects: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return parsed.data;
}
