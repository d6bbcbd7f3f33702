/**
 * The settlement server's HTTP app: one error shape and status map, zod
 * validation on every route, structured pino logs with request ids, `/healthz`
 * and `/openapi.json` generated from the same route list it serves.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { fastUlid } from './db/ids';
import { MAX_PUSH_BYTES } from '../shared/sync/push';
import type { ServerDb } from './db/database';
import { closeConnectionsOnClose } from './http/close';
import { ApiError } from './http/errors';
import { HSTS_MAX_AGE_S } from './http/trust-proxy';
import { API_ROUTES } from '../shared/api';
import { errorBody } from '../shared/api/errors';
import { SIGNATURE_HEADERS } from '../shared/api/headers';
import { checkImplemented, registerRoutes } from './http/register';
import { registerPayPage } from './payments/pay-page';
import { registerGatewayPage } from './payments/gateway-page';
import { registerAdminWeb } from './admin-web/static';
import { ROUTES } from './routes';
import { createServices, type ServerServices } from './services';

export interface AppOptions {
  db: ServerDb;
  /** The services routes reach through their context; none but a fresh event hub unless given (services.ts). */
  services?: ServerServices;
  log?: boolean;
  /** pino level when logging, 'info' unless said. */
  logLevel?: string;
  now?: () => number;
  /** Behind a TLS-terminating reverse proxy: the proxies' addresses or CIDR blocks whose X-Forwarded-* are believed
   * (client address for login throttling, https for Secure cookies and HSTS); none unless said (http/trust-proxy.ts). */
  trustProxy?: readonly string[];
  /** Heartbeat of the terminal event streams (15 s unless said). */
  eventHeartbeatMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
  }
}

export function buildApp(opts: AppOptions): FastifyInstance {
  const now = opts.now ?? Date.now;
  const services = opts.services ?? createServices();
  const app = Fastify({
    logger: opts.log
      ? {
          level: opts.logLevel ?? 'info',
          redact: [
            'req.headers.cookie',
            `req.headers["${SIGNATURE_HEADERS.signature}"]`,
            'res.headers["set-cookie"]',
          ],
        }
      : false,
    bodyLimit: MAX_PUSH_BYTES * 2,
    genReqId: () => fastUlid(Date.now()),
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? [...opts.trustProxy] : false,
    // the receipt QR's pay token is one path parameter of about 150 characters
    routerOptions: { maxParamLength: 400 },
    // A path Fastify cannot even route (a malformed percent-escape such as `/%zz`) answers the one error shape too.
    frameworkErrors: (err, req, reply) => {
      req.log.info({ code: err.code }, err.message);
      // Fastify types this hook generically over every route's reply type; it answers before any route.
      void (reply as FastifyReply).status(400).send(errorBody('bad_request', err.message));
    },
  });

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

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) {
      req.log.info({ code: err.code }, err.message);
      return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply.status(413).send(errorBody('payload_too_large', 'request body too large'));
    if (status && status >= 400 && status < 500)
      return reply
        .status(400)
        .send(errorBody('bad_request', err instanceof Error ? err.message : 'bad request'));
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'internal error'));
  });
  // req.protocol is https only when a trusted proxy said so (or TLS ends here): then browsers keep to https.
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', `max-age=${HSTS_MAX_AGE_S}`);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(errorBody('not_found', `no route ${req.method} ${req.url.slice(0, 200)}`)),
  );

  // Open event streams would hold the server's close forever: end them first.
  if (opts.eventHeartbeatMs !== undefined) services.events.heartbeat_ms = opts.eventHeartbeatMs;
  app.addHook('preClose', (done) => {
    services.events.closeAll();
    done();
  });
  // Nor may a client that connected without asking, or one that stopped reading (http/close.ts).
  closeConnectionsOnClose(app);
  checkImplemented(ROUTES, API_ROUTES);
  registerRoutes(app, ROUTES, opts.db, services, now);
  registerPayPage(app, opts.db, services, now);
  registerGatewayPage(app, opts.db, services, now);
  registerAdminWeb(app);
  return app;
}
