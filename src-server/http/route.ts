/**
 * One way to declare a route: method, path, who may call it, zod schemas for
 * params, query, body and answer, and the handler. The same declarations are
 * registered with Fastify (register.ts) and turned into the OpenAPI document
 * (openapi.ts), so the document cannot drift from what the server does.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ServerDb } from '../db/database';
import type { StaffRole } from '../staff/roles';
import type { StaffPrincipal } from '../staff/sessions';
import type { AuthedTerminal } from '../terminals/terminal-auth';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** public: anyone; terminal: an Ed25519-signed terminal request; roles: a staff session with one of them. */
export type RouteAuth = { kind: 'public' } | { kind: 'terminal' } | { kind: 'staff'; roles: readonly StaffRole[] };

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  db: ServerDb;
  now: number;
  ip: string;
  /** Present on staff routes. */
  staff: StaffPrincipal | null;
  /** Present on terminal routes. */
  terminal: AuthedTerminal | null;
  req: FastifyRequest;
  reply: FastifyReply;
  /** Records the staff action in the audit log, in addition to the automatic record of every state-changing call. */
  auditTarget(target: string): void;
}

export interface RouteDef<P, Q, B, R> {
  /** operationId in the OpenAPI document and the action name in the audit log. */
  id: string;
  method: HttpMethod;
  /** Fastify style, `:name` for path parameters. */
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType<R>;
  /** The success answer's media type, JSON unless said (an event stream writes its own answer). */
  produces?: 'text/event-stream';
  /** HTTP status of success, 200 unless said. */
  status?: number;
  /** A valid example body (documentation, and the security tests fill every string of it with injection strings). */
  example?: B;
  handler(ctx: RouteContext<P, Q, B>): Promise<R>;
}

/** A route with its types erased, for the registry (method syntax keeps `handler` bivariant). */
export type AnyRoute = RouteDef<unknown, unknown, unknown, unknown>;

export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(def: RouteDef<P, Q, B, R>): AnyRoute {
  return def as unknown as AnyRoute;
}

export const staffAuth = (roles: readonly StaffRole[]): RouteAuth => ({ kind: 'staff', roles });
export const PUBLIC: RouteAuth = { kind: 'public' };
export const TERMINAL: RouteAuth = { kind: 'terminal' };

/** The principal a route's auth guarantees; its absence is a bug in the route table. */
export function must<T>(v: T | null, what: string): T {
  if (v === null) throw new Error(`route expected ${what}`);
  return v;
}
