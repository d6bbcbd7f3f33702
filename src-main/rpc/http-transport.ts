/**
 * Browser-mode transport: the same contract over HTTP + SSE on 127.0.0.1.
 * Every RPC and the event stream need the per-launch token, so another page
 * or program on the machine cannot drive the till. Also serves the built UI.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fail } from '../../shared/contract/envelope';
import type { TypedEmitter } from '../events';
import { dispatch, type HandlerMap } from './registry';
import { EVENTS_PATH, RPC_PATH_PREFIX, TOKEN_HEADER } from '../../shared/contract/loopback';

export const RPC_BODY_BYTES_MAX = 1_000_000;
/** Past the limit the rest of a body is read and dropped (so the 413 reaches the client) up to this much, then cut. */
const RPC_BODY_DRAIN_BYTES_MAX = 32 * 1_000_000;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wav': 'audio/wav',
};

export interface HttpTransport {
  url: string;
  /** the URL to open: carries the launch token in the fragment, which never reaches a server log */
  uiUrl: string;
  /** the customer display's page (客显), signed with the same launch token */
  displayUrl: string;
  token: string;
  close(): Promise<void>;
}

export async function startHttpTransport(opts: {
  handlers: HandlerMap;
  events: TypedEmitter;
  port: number;
  staticDir: string;
  host?: string;
}): Promise<HttpTransport> {
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const authorised = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };
  const sseClients = new Set<ServerResponse>();
  const offEvents = opts.events.onAny((event, payload) => {
    for (const res of sseClients) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });

  const server: Server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      console.error('[core http]', err);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'internal error'));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(RPC_PATH_PREFIX)) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('bad_request', 'use POST'));
      if (!authorised(req.headers[TOKEN_HEADER] as string | undefined))
        return sendJson(res, 401, fail('unauthorized', 'missing or wrong launch token'));
      const name = decodePath(url.pathname.slice(RPC_PATH_PREFIX.length));
      if (name === null)
        return sendJson(res, 400, fail('bad_request', 'malformed percent-escape in the path'));
      const body = await readBody(req);
      if (body === 'too_large')
        return sendJson(
          res,
          413,
          fail('bad_request', `request body too large (max ${RPC_BODY_BYTES_MAX} bytes)`),
        );
      if (body === 'not_utf8') return sendJson(res, 400, fail('bad_request', 'body is not UTF-8 text'));
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, fail('bad_request', 'body is not JSON'));
      }
      return sendJson(res, 200, await dispatch(opts.handlers, name, input));
    }
    if (url.pathname === EVENTS_PATH) {
      if (!authorised(url.searchParams.get('token')))
        return sendJson(res, 401, fail('unauthorized', 'missing or wrong launch token'));
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const decoded = decodePath(pathname);
    if (decoded === null)
      return sendJson(res, 400, fail('bad_request', 'malformed percent-escape in the path'));
    const rel = pathname === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(opts.staticDir, rel);
    if (!file.startsWith(opts.staticDir + sep) || rel.includes('..'))
      return sendJson(res, 404, fail('not_found', 'not found'));
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(data);
    } catch {
      sendJson(res, 404, fail('not_found', `not found: ${pathname}`));
    }
  }

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    uiUrl: `${url}/#token=${token}`,
    displayUrl: `${url}/display.html#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        offEvents();
        for (const c of sseClients) c.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** null when the path holds a percent-escape that is not UTF-8 (`/%zz`, a cut `%E0%A4%A`). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, or why not. A body past the limit is drained rather than cut so the client reads the
 * 413 (destroying the socket mid-upload answers it with a connection reset); past the drain cap it is cut.
 */
function readBody(req: IncomingMessage): Promise<string | 'too_large' | 'not_utf8'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > RPC_BODY_DRAIN_BYTES_MAX) {
        req.destroy();
        resolve('too_large');
      } else if (size > RPC_BODY_BYTES_MAX) chunks.length = 0;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (size > RPC_BODY_BYTES_MAX) return resolve('too_large');
      try {
        resolve(UTF8.decode(Buffer.concat(chunks)));
      } catch {
        resolve('not_utf8');
      }
    });
    req.on('error', reject);
  });
}
