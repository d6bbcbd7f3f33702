/**
 * The settlement server's HTTP app: one error shape, zod validation at every
 * route, the terminal API (enrolment, signed config pull and journal push).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { enrolRequestSchema } from '../shared/sync/config';
import { MAX_PUSH_BYTES, pushRequestSchema } from '../shared/sync/push';
import type { ServerDb } from './db/database';
import { ApiError, errorBody } from './http/errors';
import { ingestBatch } from './sync/ingest';
import { verifyTerminalRequest, type AuthedTerminal } from './terminals/terminal-auth';
import { enrolTerminal, terminalConfig } from './terminals/terminals';

export interface AppOptions {
  db: ServerDb;
  log?: boolean;
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
  }
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError('bad_request', r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

export function buildApp(opts: AppOptions): FastifyInstance {
  const now = opts.now ?? Date.now;
  const app = Fastify({ logger: opts.log ? { level: 'info' } : false, bodyLimit: MAX_PUSH_BYTES * 2 });

  // Keep the raw body: terminal signatures cover its exact bytes.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = body as string;
    if ((body as string).length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new ApiError('bad_request', 'body is not valid JSON'), undefined);
    }
  });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(errorBody(err.code, err.message));
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send(errorBody('payload_too_large', 'request body too large'));
    if (status && status >= 400 && status < 500) return reply.status(400).send(errorBody('bad_request', err instanceof Error ? err.message : 'bad request'));
    app.log.error(err);
    return reply.status(500).send(errorBody('internal', 'internal error'));
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('not_found', `no route ${req.method} ${req.url}`)));

  const terminalAuth = (req: FastifyRequest): Promise<AuthedTerminal> =>
    verifyTerminalRequest(opts.db, { method: req.method, path: req.url, headers: req.headers, rawBody: req.rawBody ?? '' }, now());

  app.get('/healthz', async () => ({ ok: true }));

  app.post('/api/v1/terminals/enrol', async (req) => {
    const body = parseBody(enrolRequestSchema, req.body);
    return { terminal_id: await enrolTerminal(opts.db, body.pairing_code, body.public_key_pem, now()) };
  });

  app.get('/api/v1/terminal/config', async (req) => {
    const t = await terminalAuth(req);
    return terminalConfig(opts.db, t.id);
  });

  app.post('/api/v1/terminal/journal', async (req) => {
    const t = await terminalAuth(req);
    const body = parseBody(pushRequestSchema, req.body);
    return ingestBatch(opts.db, t, body.entries, now());
  });

  return app;
}
