/**
 * The server's close never waits on a client. Node's `server.close()` (what
 * Fastify's default `forceCloseConnections: 'idle'` relies on) ends keep-alive
 * connections between requests but waits for every other one — and it counts
 * a connection that has not sent a request yet as busy (against slow clients),
 * until `headersTimeout` (60 s) ends it. Node 20's fetch leaves exactly such a
 * connection behind whenever a till aborts its event stream (undici re-queues
 * the aborted request, connects again for it, then drops it: nodejs/undici#5845).
 *
 * So when the app closes: connections that never carried a request end at
 * once (nothing is being answered on them), and whatever is still open after
 * a short grace (a request still being answered, a client that stopped
 * reading) is cut.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** How long requests in flight get to finish once the server closes. */
export const CLOSE_GRACE_MS = 2_000;

export function closeConnectionsOnClose(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (req: { socket: Socket }) => unused.delete(req.socket));
  app.addHook('preClose', (done) => {
    for (const socket of unused) socket.destroy();
    unused.clear();
    const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
    cut.unref();
    app.server.once('close', () => clearTimeout(cut));
    done();
  });
}
