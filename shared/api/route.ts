/**
 * How one HTTP route is declared: its operationId, method, path, who may call
 * it, the zod schemas of its params, query, body and answer, its success
 * status and media type, and the error codes its handler may answer (the
 * codes of authentication, validation and stall scoping are added by
 * `errorsOf`). The server attaches a handler to each declaration
 * (src-server/http/route.ts `implement`); the OpenAPI document (openapi.ts)
 * and the clients (client.ts) read the same declarations.
 */
import type { z } from 'zod';
import type { ApiErrorCode } from './errors';
import type { StaffRole } from './roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** public: anyone; terminal: an Ed25519-signed terminal request; staff: a staff session with one of the roles. */
export type RouteAuth =
  { kind: 'public' } | { kind: 'terminal' } | { kind: 'staff'; roles: readonly StaffRole[] };

export interface ApiRoute {
  /** operationId in the OpenAPI document, the key in `api`, and the action name in the audit log. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Fastify style, `:name` for path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth: RouteAuth;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** The success answer's media type, JSON unless said; `table-file` is CSV or XLSX as the query's format asks. */
  readonly produces?: 'text/event-stream' | 'text/csv' | 'table-file';
  /** HTTP status of success, 200 unless said. */
  readonly status?: number;
  /** The codes the handler itself may answer, beyond those of auth, validation and scoping. */
  readonly errors?: readonly ApiErrorCode[];
  /** A valid example body (documentation; the security tests fill every string of it with injection strings). */
  readonly example?: unknown;
}

/** Declares a route, keeping its literal types (the schemas, above all) for the server and the clients. */
export function defineApi<const R extends ApiRoute>(r: R): R {
  return r;
}

export const staffAuth = (roles: readonly StaffRole[]): RouteAuth => ({ kind: 'staff', roles });
export const PUBLIC: RouteAuth = { kind: 'public' };
export const TERMINAL: RouteAuth = { kind: 'terminal' };

type Schema<R, K extends 'params' | 'query' | 'body'> = R extends {
  readonly [k in K]: infer S extends z.ZodType;
}
  ? S
  : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the handler gets, parsed (defaults applied, strings coerced). */
export type ParamsOut<R> = Out<Schema<R, 'params'>>;
export type QueryOut<R> = Out<Schema<R, 'query'>>;
export type BodyOut<R> = Out<Schema<R, 'body'>>;
/** What a client sends. */
export type ParamsIn<R> = In<Schema<R, 'params'>>;
export type QueryIn<R> = In<Schema<R, 'query'>>;
export type BodyIn<R> = In<Schema<R, 'body'>>;
/** The answer as the server writes it and as a client reads it. */
export type AnswerIn<R extends ApiRoute> = z.input<R['response']>;
export type Answer<R extends ApiRoute> = z.output<R['response']>;

/** Path parameter names of a route (`:name` segments). */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] ?? '');
}
