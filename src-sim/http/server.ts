import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Sim } from '../context';
import { SimError, errorBody } from '../protocol/errors';
import { verifyRequest, type AuthFields } from '../protocol/authorization';
import { lookupMerchantKey } from '../protocol/merchant-keys';
import { platformHeaders } from '../protocol/sign';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    merchant: AuthFields | null;
    dropAnswer: boolean;
  }
}

/** Largest request body accepted; the biggest real one (a 50-receiver split) is far below. */
const BODY_LIMIT_BYTES = 256 * 1024;

const isApi = (url: string): boolean => url.startsWith('/v3/') && !url.startsWith('/v3/sim/portal/');
const isUnsignedAnswer = (url: string): boolean => url.startsWith('/v3/billdownload/');

export function createHttp(sim: Sim, log: boolean): FastifyInstance {
  const app = Fastify({ logger: log ? { level: 'info' } : false, bodyLimit: BODY_LIMIT_BYTES });
  app.decorateRequest('rawBody', '');
  app.decorateRequest('merchant', null);
  app.decorateRequest('dropAnswer', false);

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    req.rawBody = text;
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new SimError('PARAM_ERROR', '请求体不是合法的 JSON'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    req.rawBody = text;
    done(null, Object.fromEntries(new URLSearchParams(text)));
  });

  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (!isApi(req.url)) return;
    req.merchant = verifyRequest({
      header: req.headers.authorization,
      method: req.method,
      url: req.url,
      body: req.rawBody,
      nowMs: Date.now(),
      lookupKey: (mchid, serial) => lookupMerchantKey(sim.db, sim.dataDir, mchid, serial, sim.clock.now()),
    });
    if (sim.faults.take('system_error', req.url, req.method))
      throw new SimError('SYSTEM_ERROR', '系统错误 (injected)');
    const slow = sim.faults.take('slow', req.url, req.method);
    if (slow) await new Promise((r) => setTimeout(r, slow.delay_ms ?? 3000));
    if (sim.faults.take('timeout_but_succeeded', req.url, req.method)) req.dropAnswer = true;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.dropAnswer) {
      // The work is done and committed; the caller just never hears about it.
      req.raw.socket.destroy();
      return payload;
    }
    if (!isApi(req.url) || isUnsignedAnswer(req.url)) return payload;
    const body =
      typeof payload === 'string'
        ? payload
        : payload === null || payload === undefined
          ? ''
          : Buffer.isBuffer(payload)
            ? payload.toString('utf8')
            : null;
    if (body === null) return payload;
    const h = platformHeaders(body, sim.id.platformPrivatePem, sim.id.platformSerial);
    for (const [k, v] of Object.entries(h)) reply.header(k, v);
    reply.header('Request-ID', req.id);
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof SimError)
      return reply
        .status(err.status)
        .type('application/json')
        .send(JSON.stringify(errorBody(err)));
    if (err instanceof z.ZodError) {
      const first = err.issues[0];
      const where = first ? first.path.join('.') : '';
      return reply
        .status(400)
        .type('application/json')
        .send(
          JSON.stringify({
            code: 'PARAM_ERROR',
            message: `参数错误: ${where} ${first?.message ?? ''}`.trim(),
          }),
        );
    }
    const status =
      typeof (err as { statusCode?: unknown }).statusCode === 'number'
        ? (err as { statusCode: number }).statusCode
        : 500;
    if (status < 500)
      return reply
        .status(status)
        .type('application/json')
        .send(
          JSON.stringify({
            code: 'PARAM_ERROR',
            message: err instanceof Error ? err.message : 'bad request',
          }),
        );
    sim.warn('unexpected error', { url: req.url, err: err instanceof Error ? err.stack : String(err) });
    return reply
      .status(500)
      .type('application/json')
      .send(JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统错误' }));
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .type('application/json')
      .send(
        JSON.stringify({
          code: 'RESOURCE_NOT_EXISTS',
          message: `no such path: ${req.method} ${req.url.split('?')[0] ?? ''}`,
        }),
      );
  });
  return app;
}

/** The merchant number that signed the request; domain routes check it against sp_mchid. */
export function signer(req: FastifyRequest): string {
  if (req.merchant === null) throw new SimError('SIGN_ERROR', 'unsigned request');
  return req.merchant.mchid;
}
