/**
 * The server's half of a route: a handler attached to its shared declaration
 * (shared/api), `implement(api.adminSettlement, async (ctx) => …)`. The
 * declaration says method, path, auth, schemas and error codes; the handler
 * gets the parsed params, query and body with their types, and must answer
 * what the declaration's response schema accepts. register.ts serves these.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnswerIn, ApiRoute, BodyOut, ParamsOut, QueryOut } from '../../shared/api/route';
import type { ServerDb } from '../db/database';
import type { ServerServices } from '../services';
import type { StaffPrincipal } from '../staff/sessions';
import type { AuthedTerminal } from '../terminals/terminal-auth';

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  db: ServerDb;
  /** The server's services, made once at its start (services.ts). */
  services: ServerServices;
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

export type HandlerOf<R extends ApiRoute> = (
  ctx: RouteContext<ParamsOut<R>, QueryOut<R>, BodyOut<R>>,
) => Promise<AnswerIn<R>>;

/** A declaration with its handler, types erased for the registry (method syntax keeps `handler` bivariant). */
export interface ServerRoute {
  readonly spec: ApiRoute;
  handler(ctx: RouteContext<unknown, unknown, unknown>): Promise<unknown>;
}

export function implement<R extends ApiRoute>(spec: R, handler: HandlerOf<R>): ServerRoute {
  return { spec, handler: handler as ServerRoute['handler'] };
}

/** The principal a route's auth guarantees; its absence is a bug in the route table. */
export function must<T>(v: T | null, what: string): T {
  if (v === null) throw new Error(`route expected ${what}`);
  return v;
}
