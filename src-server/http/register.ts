/**
 * Registers the implemented routes with Fastify: authenticate (terminal signature or
 * staff session + role + CSRF), validate params/query/body with zod, enforce
 * stall isolation, run the handler, and audit every state-changing staff call.
 * Authentication comes before validation so an anonymous caller learns nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { audit } from '../audit/audit';
import type { ServerDb } from '../db/database';
import type { ServerServices } from '../services';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/api/headers';
import type { ApiRoute } from '../../shared/api/route';
import { findSession, type StaffPrincipal } from '../staff/sessions';
import { verifyTerminalRequest, type AuthedTerminal } from '../terminals/terminal-auth';
import { readCookie } from './cookies';
import { ApiError } from './errors';
import type { ServerRoute } from './route';
import { enforceStallScope } from './scope';

export function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? {});
  if (!r.success)
    throw new ApiError(
      'bad_request',
      r.error.issues.map((i) => `${where}.${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  return r.data;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function staffFor(
  db: ServerDb,
  req: FastifyRequest,
  route: ApiRoute,
  nowMs: number,
): Promise<StaffPrincipal> {
  if (route.auth.kind !== 'staff') throw new Error('not a staff route');
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const staff = token ? await findSession(db, token, nowMs) : null;
  if (!staff) throw new ApiError('unauthenticated', 'log in first');
  if (!route.auth.roles.includes(staff.role))
    throw new ApiError('forbidden', `role ${staff.role} may not ${route.id}`);
  if (route.method !== 'GET') {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && origin !== 'null') {
      let host = '';
      try {
        host = new URL(origin).host;
      } catch {
        host = '';
      }
      if (host !== req.headers.host) throw new ApiError('csrf_failed', 'cross-origin request refused');
    }
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, staff.csrf_token))
      throw new ApiError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
  }
  return staff;
}

/** Every declaration has exactly one handler, and every handler a declaration of the contract. */
export function checkImplemented(routes: readonly ServerRoute[], declared: readonly ApiRoute[]): void {
  const seen = new Set<ApiRoute>();
  for (const { spec } of routes) {
    if (seen.has(spec)) throw new Error(`route ${spec.id} is implemented twice`);
    if (!declared.includes(spec)) throw new Error(`route ${spec.id} is not declared in shared/api`);
    seen.add(spec);
  }
  const missing = declared.filter((d) => !seen.has(d)).map((d) => d.id);
  if (missing.length > 0) throw new Error(`declared routes without a handler: ${missing.join(', ')}`);
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly ServerRoute[],
  db: ServerDb,
  services: ServerServices,
  now: () => number,
): void {
  for (const { spec: route, handler } of routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (req, reply) => {
        const nowMs = now();
        let staff: StaffPrincipal | null = null;
        let terminal: AuthedTerminal | null = null;
        if (route.auth.kind === 'staff') staff = await staffFor(db, req, route, nowMs);
        if (route.auth.kind === 'terminal') {
          terminal = await verifyTerminalRequest(
            db,
            { method: req.method, path: req.url, headers: req.headers, rawBody: req.rawBody ?? '' },
            nowMs,
          );
        }
        const params = parseWith(route.params, req.params, 'params');
        // A stall owner asking about another stall's thing is refused before their query or body is judged.
        if (staff) await enforceStallScope(db, staff, params);
        const query = parseWith(route.query, req.query, 'query');
        if (staff) await enforceStallScope(db, staff, query);
        const body = route.body ? parseWith(route.body, req.body, 'body') : undefined;
        let target: string | null = null;
        const result = await handler({
          params,
          query,
          body,
          db,
          services,
          now: nowMs,
          ip: req.ip,
          staff,
          terminal,
          req,
          reply,
          auditTarget: (t) => (target = t),
        });
        if (staff && route.method !== 'GET') {
          req.log.info({ staff_id: staff.id, role: staff.role, action: route.id, target }, 'staff action');
          await audit(
            db,
            {
              staffId: staff.id,
              action: route.id,
              target: target ?? JSON.stringify(params ?? null),
              detail: { params, body },
              ip: req.ip,
            },
            nowMs,
          );
        }
        reply.status(route.status ?? 200);
        return result;
      },
    });
  }
}
