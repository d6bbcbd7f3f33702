// A till with the bigger push bounds (MAX_PUSH_ENTRIES) against a server that still accepts only the
// legacy ones: its first big push is refused as a bad request, after which it pushes within the legacy
// bounds and the backlog arrives whole, in order. The old server is the real one behind a forwarder
// that refuses what an old server's schema would.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_PUSH_ENTRIES, MAX_PUSH_ENTRIES } from '../../shared/sync/push';
import { completeSale } from '../../src-main/sales/complete-sale';
import { tx } from '../../src-main/store/sql';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { enrolTill, type EnrolledTill } from '../helpers/enrolled-till';
import { tempDir } from '../helpers/temp';

const SALES = LEGACY_PUSH_ENTRIES * 2 + 100;
let server: RunningServer;
let serverDir: string;
let till: EnrolledTill;
let oldServer: Server;
let oldUrl: string;
const pushed: number[] = [];

/** Forwards to the real server, refusing pushes past the legacy bound with the answer an old server gives. */
function legacyForwarder(target: string): Promise<{ srv: Server; url: string }> {
  const srv = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const entries = body ? ((JSON.parse(body) as { entries?: unknown[] }).entries?.length ?? 0) : 0;
      pushed.push(entries);
      if (entries > LEGACY_PUSH_ENTRIES) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: {
              code: 'bad_request',
              message: `body.entries: Too big: expected array to have <=${LEGACY_PUSH_ENTRIES} items`,
            },
          }),
        );
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (h): h is [string, string] =>
            typeof h[1] === 'string' && h[0] !== 'host' && h[0] !== 'content-length' && h[0] !== 'connection',
        ),
      );
      void fetch(new URL(req.url ?? '/', target), {
        method: req.method,
        headers,
        body: body || undefined,
      }).then(async (r) => {
        res
          .writeHead(r.status, {
            'content-type': r.headers.get('content-type') ?? 'application/json',
            date: r.headers.get('date') ?? new Date().toUTCString(),
          })
          .end(await r.text());
      });
    });
  });
  return new Promise((resolve) =>
    srv.listen(0, '127.0.0.1', () =>
      resolve({ srv, url: `http://127.0.0.1:${(srv.address() as { port: number }).port}` }),
    ),
  );
}

beforeAll(async () => {
  serverDir = tempDir('push-bounds-server');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  till = await enrolTill(server.url, pairing_code);
  const t0 = Date.now() - 3_600_000;
  tx(till.db, () => {
    for (let i = 0; i < SALES; i++)
      completeSale(
        till.db,
        till.who,
        till.cashier,
        {
          lines: [
            {
              product_id: 'S01-V001',
              entry: { kind: 'weight', gross_g: 500 + i, tare_g: 0 },
              discount_fen: 0,
            },
          ],
          sale_discount_fen: 0,
          tenders: [{ kind: 'cash', tendered_fen: 100_000 }],
        },
        t0 + i * 1000,
      );
  });
  ({ srv: oldServer, url: oldUrl } = await legacyForwarder(server.url));
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => oldServer?.close(resolve));
  await server?.close();
  till?.db.close();
});

describe('push bounds against an older server', () => {
  it('falls back to the legacy bounds after a refusal and delivers everything in order', async () => {
    const worker = new SyncWorker(till.db, oldUrl, till.auth, () => {});
    const total = (till.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    expect(total).toBeGreaterThan(LEGACY_PUSH_ENTRIES);
    expect(await worker.runOnce()).toBe(false);
    expect(worker.status().link).toMatchObject({ state: 'degraded' });
    expect(await worker.runOnce()).toBe(true);
    await worker.stop();

    expect(pushed[0]).toBe(Math.min(total, MAX_PUSH_ENTRIES));
    expect(pushed.slice(1).every((n) => n <= LEGACY_PUSH_ENTRIES)).toBe(true);
    expect(worker.ackedSeq()).toBe(total);
    const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
    const seqs = (
      sdb
        .prepare('SELECT seq FROM journal_entry WHERE terminal_id = ? ORDER BY seq')
        .all(till.who.terminal_id) as { seq: number }[]
    ).map((r) => r.seq);
    const sales = sdb
      .prepare('SELECT COUNT(*) AS n FROM sale WHERE terminal_id = ?')
      .get(till.who.terminal_id);
    sdb.close();
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(sales).toEqual({ n: SALES });
  }, 120_000);
});
