// Every role creates its data folder, owner-only, whatever the database; the demo's first start is all or
// nothing: a start that fails leaves nothing that stops the next one from seeding and writing its pairing code.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSimCore } from '../../src-sim/core';
import { openTerminalDb } from '../../src-main/store/db';
import { DEMO_PAIRING_FILE, startServer } from '../../src-server/main';
import { tempDir } from '../helpers/temp';
import { freshDb, type FreshDb } from './helpers/dialects';

let pgDb: FreshDb;
beforeAll(async () => {
  pgDb = await freshDb('postgres', { migrate: false });
});
afterAll(() => pgDb.drop());

const ownerOnly = (dir: string) => statSync(dir).mode & 0o777;

it('a demo on PostgreSQL with a data folder that does not exist yet: a failed first start leaves nothing, the next one pairs', async () => {
  const dataDir = join(tempDir('pg-demo'), 'not', 'yet');
  // The first start dies writing the pairing code (a folder stands where the file goes).
  mkdirSync(join(dataDir, DEMO_PAIRING_FILE), { recursive: true });
  await expect(
    startServer({ port: 0, dataDir, dbUrl: pgDb.dbUrl, demo: true, jobs: false }),
  ).rejects.toThrow();
  expect(await pgDb.db.selectFrom('market').select('id').execute()).toEqual([]);
  expect(await pgDb.db.selectFrom('terminal').select('id').execute()).toEqual([]);
  rmSync(join(dataDir, DEMO_PAIRING_FILE), { recursive: true });
  // The next start seeds the demo and writes its pairing code.
  const server = await startServer({ port: 0, dataDir, dbUrl: pgDb.dbUrl, demo: true, jobs: false });
  try {
    const pairing = JSON.parse(readFileSync(join(dataDir, DEMO_PAIRING_FILE), 'utf8')) as {
      pairing_code: string;
    };
    expect(pairing.pairing_code).toMatch(/\S/);
    expect(ownerOnly(join(dataDir, DEMO_PAIRING_FILE))).toBe(0o600);
  } finally {
    await server.close();
  }
  // A folder that did not exist: made for the server, owner-only, though the database is elsewhere.
  const fresh = join(tempDir('pg-demo2'), 'srv');
  const again = await startServer({ port: 0, dataDir: fresh, dbUrl: pgDb.dbUrl, demo: true, jobs: false });
  await again.close();
  expect(ownerOnly(fresh)).toBe(0o700);
});

it('the terminal and the simulator make their data folders owner-only', () => {
  const term = join(tempDir('dd'), 'terminal');
  openTerminalDb(term).close();
  expect(ownerOnly(term)).toBe(0o700);
  const simDir = join(tempDir('dd'), 'sim');
  const sim = openSimCore({ dataDir: simDir });
  expect(existsSync(simDir) && ownerOnly(simDir)).toBe(0o700);
  sim.close();
});
