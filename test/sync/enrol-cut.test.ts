// Enrolment through a cut connection (issue 20): the pairing answer cut at the fault proxy, then a retry
// with the same code gives a working, syncing till; a failed configuration pull right after enrolment is
// finished at the next start without the code; a till SIGKILLed after saving its key and before the
// answer, restarted, enrols with that key; a cancelled enrolment is refused with a clear message.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findByPin, seedDefaultCashiers } from '../../src-main/cashiers/cashier-store';
import { completeSale } from '../../src-main/sales/complete-sale';
import { openTerminalDb, type Db } from '../../src-main/store/db';
import { enrol, loadPendingEnrolment } from '../../src-main/sync/enrol';
import { loadIdentity } from '../../src-main/sync/identity';
import { loadOrCreateKey } from '../../src-main/sync/signer';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { startFaultProxy, type Fault, type FaultProxy } from '../emulators/fault-proxy/fault-proxy';
import { bundleChild } from '../helpers/kill-child';
import { writeServerDb } from '../helpers/server-db';
import { tempDir } from '../helpers/temp';

const ONCE = { attempts: 1, backoff_ms: 0 };
let server: RunningServer;
let serverDir: string;
let proxy: FaultProxy;
let childJs: string;
const opened: Db[] = [];

beforeAll(async () => {
  serverDir = tempDir('enrol-cut-server');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
  childJs = await bundleChild(join(__dirname, 'enrol-child.ts'));
}, 60_000);

afterAll(async () => {
  for (const db of opened) db.close();
  await proxy?.close();
  await server?.close();
});

/** The faults for the next requests, in order; `none` after them. */
function faults(...list: Fault[]): void {
  proxy.setPolicy(() => list.shift() ?? 'none');
}

const tillDb = (dir: string): Db => {
  const db = openTerminalDb(dir);
  opened.push(db);
  return db;
};

/** A terminal and its pairing code, as the staff web's 新建 makes them. */
async function newTerminal(id: string, code: string): Promise<void> {
  await writeServerDb(serverDir, (db) => {
    db.prepare(
      `INSERT INTO terminal (id, stall_id, name, public_key_pem, status, created_ms) VALUES (?, 'S01', ?, NULL, 'pending', ?)`,
    ).run(id, `${id}号机`, Date.now());
    db.prepare(
      `INSERT INTO pairing_code (code, terminal_id, expires_ms, used_ms) VALUES (?, ?, ?, NULL)`,
    ).run(code, id, Date.now() + 15 * 60_000);
  });
}

const serverRow = (terminalId: string) => {
  const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
  try {
    return sdb
      .prepare(
        `SELECT t.status, t.public_key_pem, t.configured_ms, c.used_ms, c.used_from,
                (SELECT COUNT(*) FROM sale s WHERE s.terminal_id = t.id) AS sales
           FROM terminal t JOIN pairing_code c ON c.terminal_id = t.id WHERE t.id = ?`,
      )
      .get(terminalId) as {
      status: string;
      public_key_pem: string | null;
      configured_ms: number | null;
      used_ms: number | null;
      used_from: string | null;
      sales: number;
    };
  } finally {
    sdb.close();
  }
};

describe('enrolment through a cut connection', () => {
  it('the pairing answer cut: a retry with the same code gets the same terminal, which sells and syncs', async () => {
    const { pairing_code, terminal_id } = JSON.parse(
      readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8'),
    ) as {
      pairing_code: string;
      terminal_id: string;
    };
    const dir = tempDir('enrol-cut-till');
    const db = tillDb(dir);
    faults('drop_after_request');
    await expect(enrol(db, dir, proxy.url, pairing_code, ONCE)).rejects.toThrow(/enrolment not finished/);
    // The server took the code with this till's key; the till kept its key and where it got to.
    const half = serverRow(terminal_id);
    expect(half).toMatchObject({ status: 'active', configured_ms: null, used_from: '127.0.0.1' });
    expect(half.public_key_pem).toBe(loadOrCreateKey(dir).publicKeyPem);
    expect(loadPendingEnrolment(db)).toMatchObject({ pairing_code, terminal_id: null });
    expect(loadIdentity(db)).toBeNull();

    const who = await enrol(db, dir, proxy.url, pairing_code, ONCE);
    expect(who.terminal_id).toBe(terminal_id);
    expect(loadPendingEnrolment(db)).toBeNull();
    expect(serverRow(terminal_id).configured_ms).toBeGreaterThan(0);

    seedDefaultCashiers(db);
    const cashier = findByPin(db, '1234');
    if (!cashier) throw new Error('no cashier');
    completeSale(
      db,
      who,
      cashier,
      {
        lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 2 }, discount_fen: 0 }],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 10_000 }],
      },
      Date.now(),
    );
    const worker = new SyncWorker(
      db,
      proxy.url,
      { key: loadOrCreateKey(dir).privateKey, terminalId: who.terminal_id },
      () => {},
    );
    expect(await worker.runOnce()).toBe(true);
    await worker.stop();
    expect(worker.status().queue_depth).toBe(0);
    expect(serverRow(terminal_id).sales).toBe(1);
  });

  it('a failed configuration pull right after enrolment: the next start finishes it, no code needed', async () => {
    await newTerminal('TCUT02', 'CUT2CODE');
    const dir = tempDir('enrol-cut-config');
    const db = tillDb(dir);
    faults('none', 'drop_before_request');
    await expect(enrol(db, dir, proxy.url, 'CUT2CODE', ONCE)).rejects.toThrow(/no code needed/);
    expect(loadPendingEnrolment(db)).toMatchObject({ terminal_id: 'TCUT02' });
    expect(serverRow('TCUT02')).toMatchObject({ status: 'active', configured_ms: null });
    // Within one start, the retries do it too.
    const again = tempDir('enrol-cut-config-retry');
    await newTerminal('TCUT03', 'CUT3CODE');
    faults('none', 'drop_mid_response', 'drop_after_request');
    const retried = await enrol(tillDb(again), again, proxy.url, 'CUT3CODE', { attempts: 3, backoff_ms: 10 });
    expect(retried.terminal_id).toBe('TCUT03');

    const who = await enrol(db, dir, undefined, undefined, ONCE);
    expect(who).toMatchObject({ terminal_id: 'TCUT02', stall_id: 'S01', server_url: proxy.url });
    expect(serverRow('TCUT02').configured_ms).toBeGreaterThan(0);
  });

  it('a till SIGKILLed after saving its key and before the answer, restarted with the same code, enrols', async () => {
    await newTerminal('TCUT04', 'CUT4CODE');
    const dir = tempDir('enrol-cut-kill');
    faults('hold_answer');
    const heldBefore = proxy.held;
    const child = spawn(process.execPath, [childJs, dir, proxy.url, 'CUT4CODE'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    // The server has answered (and committed); the answer waits at the proxy.
    for (const t0 = Date.now(); proxy.held === heldBefore; await new Promise((r) => setTimeout(r, 20)))
      if (Date.now() - t0 > 20_000) throw new Error(`the child's enrolment never reached the server: ${out}`);
    expect(existsSync(join(dir, 'terminal-key.pem'))).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(out).not.toMatch(/enrolled/);
    expect(serverRow('TCUT04')).toMatchObject({ status: 'active', configured_ms: null });

    const db = tillDb(dir);
    expect(loadPendingEnrolment(db)).toMatchObject({ pairing_code: 'CUT4CODE', terminal_id: null });
    const who = await enrol(db, dir, server.url, 'CUT4CODE', ONCE);
    expect(who.terminal_id).toBe('TCUT04');
    expect(serverRow('TCUT04').public_key_pem).toBe(loadOrCreateKey(dir).publicKeyPem);
  }, 60_000);

  it('a cancelled enrolment: the till with that key is refused with a clear message, and forgets the code', async () => {
    await newTerminal('TCUT05', 'CUT5CODE');
    const dir = tempDir('enrol-cut-cancel');
    const db = tillDb(dir);
    faults('drop_after_request');
    await expect(enrol(db, dir, proxy.url, 'CUT5CODE', ONCE)).rejects.toThrow(/not finished/);
    // Staff cancel it on the terminals page (the route's own tests: test/server/enrolment.test.ts).
    await writeServerDb(serverDir, (sdb) => {
      sdb.prepare(`UPDATE terminal SET status = 'revoked' WHERE id = 'TCUT05'`).run();
    });
    await expect(enrol(db, dir, proxy.url, 'CUT5CODE', ONCE)).rejects.toThrow(
      /enrolment refused: the market office cancelled this terminal's enrolment; ask it for a new pairing code/,
    );
    expect(loadPendingEnrolment(db)).toBeNull();
    await expect(enrol(db, dir, proxy.url, undefined, ONCE)).rejects.toThrow(/not enrolled/);
  });
});
