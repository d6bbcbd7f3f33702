/**
 * Serves the built staff web app (the renderer build's second entry,
 * `build/renderer/admin/index.html`) at `/admin/`, and the build's hashed
 * assets at `/assets/*` (the build uses relative URLs, so `../assets/…` from
 * `/admin/` lands there). Only plain file names are served, never a path.
 */
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RENDERER_BUILD_DIR = fileURLToPath(new URL('../../build/renderer', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const ASSET_RE = /^[A-Za-z0-9._-]{1,128}$/;

export function registerAdminWeb(app: FastifyInstance, dir = RENDERER_BUILD_DIR): void {
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    let html: string;
    try {
      html = await readFile(join(dir, 'admin', 'index.html'), 'utf8');
    } catch {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          '管理后台尚未构建：npm run build:renderer\nThe staff web is not built yet: run npm run build:renderer',
        );
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
      )
      .send(html);
  };
  app.get('/admin', (_req, reply) => reply.redirect('/admin/'));
  app.get('/admin/', page);
  app.get<{ Params: { file: string } }>('/assets/:file', async (req, reply) => {
    const f = req.params.file;
    if (!ASSET_RE.test(f) || f.startsWith('.'))
      return reply.status(404).send({ error: { code: 'not_found', message: 'no such asset' } });
    try {
      const body = await readFile(join(dir, 'assets', f));
      return reply
        .type(TYPES[extname(f)] ?? 'application/octet-stream')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(body);
    } catch {
      return reply.status(404).send({ error: { code: 'not_found', message: 'no such asset' } });
    }
  });
}
