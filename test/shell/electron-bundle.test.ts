// The bundled Electron main (build/electron/main.cjs, as electron-builder packs it) started under plain
// Node with a stand-in 'electron' module: it opens one locked-down window on the built UI, hosts the
// real core (enrolled with a real server), answers IPC from our page and refuses it from anywhere else.
import { mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRole, type RoleProcess } from '../../bin/cli/children';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { tempDir } from '../helpers/temp';

let server: RunningServer;
let shell: RoleProcess | null = null;
const root = tempDir('electron-bundle');

beforeAll(async () => {
  const serverDir = tempDir('electron-server');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  copyFileSync(join(__dirname, 'fake-electron.cjs'), join(root, 'node_modules', 'electron', 'index.js'));
  // The same esbuild settings as src-main/shell/build.mjs, into a folder beside the fake module.
  await build({ entryPoints: ['src-main/shell/electron-main.ts'], outfile: join(root, 'app', 'main.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'serialport'], logLevel: 'warning' });
  const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as { pairing_code: string };
  shell = await spawnRole('terminal', ['--data', join(root, 'till'), '--server', server.url, '--pair', pairing_code], {
    command: [process.execPath, join(root, 'app', 'main.cjs')],
    env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
  });
}, 60_000);

afterAll(async () => {
  await shell?.stop();
  await server.close();
});

const reported = (what: string): unknown[] => (shell?.output ?? []).filter((l) => l.startsWith(`fake-electron ${what} `)).map((l) => JSON.parse(l.slice(`fake-electron ${what} `.length)) as unknown);

describe('the bundled Electron shell', () => {
  it('opens one isolated, sandboxed window on the built UI with the bundled preload', async () => {
    await shell!.waitForLine(/^fake-electron rpc-untrusted /);
    expect(reported('window')).toEqual([expect.objectContaining({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(root, 'app', 'preload.cjs') })]);
    expect(reported('loadFile')).toEqual([join(root, 'renderer', 'index.html')]);
  });

  it('answers our page over IPC with the real core, and refuses any other frame', () => {
    expect(reported('rpc')).toEqual([{ ok: true, value: expect.objectContaining({ stall_name: '老王蔬菜批发', cashier: null }) }]);
    expect(reported('rpc-untrusted')).toEqual([{ ok: false, error: expect.objectContaining({ code: 'unauthorized' }) }]);
  });
});
