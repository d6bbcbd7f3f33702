/** Starts the settlement server: opens and migrates its database, seeds demo data when asked, listens. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { migrateServerDb, openServerDb } from './db/database';
import { seedDemo } from './demo/seed';

export interface ServerOptions {
  host?: string;
  port: number;
  dataDir: string;
  dbUrl?: string;
  demo?: boolean;
  log?: boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Where `--demo` leaves the enrolment details for the demo's terminal. */
export const DEMO_PAIRING_FILE = 'demo-pairing.json';

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { db } = openServerDb({ dataDir: opts.dataDir, dbUrl: opts.dbUrl });
  await migrateServerDb(db);
  if (opts.demo) {
    const pairing = await seedDemo(db, Date.now());
    if (pairing) writeFileSync(join(opts.dataDir, DEMO_PAIRING_FILE), JSON.stringify(pairing));
  }
  const app = buildApp({ db, log: opts.log });
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
