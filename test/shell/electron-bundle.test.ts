// The bundled Electron shell (build/electron/main.cjs and the core process it starts,
// build/core/terminal.cjs, as `npm run build:electron` writes them) under plain Node with a stand-in
// 'electron' module: the core runs as its own process on the runtime its native modules were built
// for, the window shows the core's loopback UI, a killed core is started again, a shell that dies
// takes its core along, and a core whose better-sqlite3 was built for another ABI is refused.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRole, type RoleProcess } from '../../bin/cli/children';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { tempDir } from '../helpers/temp';

let server: RunningServer;
let shell: RoleProcess | null = null;
const root = tempDir('electron-bundle');
const nodeModules = join(process.cwd(), 'node_modules');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const reported = (what: string): unknown[] =>
  (shell?.output ?? [])
    .filter((l) => l.startsWith(`fake-electron ${what} `))
    .map((l) => JSON.parse(l.slice(`fake-electron ${what} `.length)) as unknown);
const corePid = (): number =>
  Number(/core pid (\d+)/.exec(shell?.output.find((l) => l.startsWith('ready terminal')) ?? '')?.[1]);

beforeAll(async () => {
  const serverDir = tempDir('electron-server');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  copyFileSync(join(__dirname, 'fake-electron.cjs'), join(root, 'node_modules', 'electron', 'index.js'));
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/shell/build.ts', root], {
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
  const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  shell = await spawnRole(
    'terminal',
    ['--data', join(root, 'till'), '--server', server.url, '--pair', pairing_code],
    {
      command: [process.execPath, join(root, 'electron', 'main.cjs')],
      env: { ...process.env, NODE_PATH: nodeModules, MARKETTILL_CORE_NODE: process.execPath },
    },
  );
}, 60_000);

afterAll(async () => {
  await shell?.stop();
  await server.close();
});

describe('the bundled Electron shell', () => {
  it('runs the core as its own process on the Node that built its native modules', () => {
    const ready = shell!.output.find((l) => l.startsWith('ready terminal'));
    expect(ready).toBe(`ready terminal electron (core pid ${corePid()} on Node ${process.versions.node})`);
    expect(corePid()).not.toBe(shell!.child.pid);
    expect(alive(corePid())).toBe(true);
  });

  it("opens one isolated, sandboxed window without preload on the core's loopback UI, which answers only with the launch token", async () => {
    await shell!.waitForLine(/^fake-electron rpc-without-token /);
    expect(reported('window')).toEqual([
      { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    ]);
    expect(reported('loadURL')).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/),
    ]);
    expect(reported('rpc')).toEqual([
      {
        status: 200,
        body: { ok: true, value: expect.objectContaining({ stall_name: '老王蔬菜批发', cashier: null }) },
      },
    ]);
    expect(reported('rpc-without-token')).toEqual([
      { status: 401, body: { ok: false, error: expect.objectContaining({ code: 'unauthorized' }) } },
    ]);
  });

  it('starts a killed core again on the same till and shows its new URL', async () => {
    const first = corePid();
    process.kill(first, 'SIGKILL');
    await until('a second window load', () => reported('rpc').length === 2);
    const urls = reported('loadURL');
    expect(urls).toHaveLength(2);
    expect(urls[1]).not.toBe(urls[0]);
    // The same enrolled till answers: its identity survived in the data folder.
    expect(reported('rpc')[1]).toEqual({
      status: 200,
      body: { ok: true, value: expect.objectContaining({ stall_name: '老王蔬菜批发' }) },
    });
    expect(shell!.output.some((l) => l.startsWith('[core] ui http://127.0.0.1:'))).toBe(true);
  }, 30_000);

  it('takes its core along when the shell itself dies', async () => {
    const line = shell!.output.filter((l) => l.startsWith('[core] ready terminal ')).at(-1) ?? '';
    const coreUrl = line.split(' ').at(-1) ?? '';
    expect(coreUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    shell!.child.kill('SIGKILL');
    await until('the core to stop', () =>
      fetch(coreUrl, { signal: AbortSignal.timeout(1000) }).then(
        () => false,
        () => true,
      ),
    );
    shell = null;
  }, 30_000);
});

describe('a core whose native module was built for another runtime', () => {
  it('is refused before it starts, with one clear message and an error box', async () => {
    // A better-sqlite3 that claims NODE_MODULE_VERSION 140 (Electron 39's), found first on NODE_PATH.
    const planted = join(tempDir('electron-planted'), 'node_modules');
    const pkg = join(planted, 'better-sqlite3');
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3","version":"12.0.0"}');
    writeFileSync(
      join(pkg, 'build', 'Release', 'better_sqlite3.node'),
      '\x7fELF node_register_module_v140\0',
    );
    const child = spawn(
      process.execPath,
      [join(root, 'electron', 'main.cjs'), '--data', join(root, 'till-refused')],
      {
        env: { ...process.env, NODE_PATH: planted, MARKETTILL_CORE_NODE: process.execPath },
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const message =
      `The till's core cannot start: better-sqlite3 (${join(pkg, 'build', 'Release', 'better_sqlite3.node')}) was built for NODE_MODULE_VERSION 140, ` +
      `but the core runs on Node ${process.versions.node} (NODE_MODULE_VERSION ${process.versions.modules}).`;
    expect(out).toContain(message);
    const box = out.split('\n').find((l) => l.startsWith('fake-electron error-box '));
    expect(JSON.parse(box?.slice('fake-electron error-box '.length) ?? '{}')).toEqual({
      title: '收银程序无法启动 MarketTill cannot start',
      content: expect.stringContaining(message),
    });
    expect(out).not.toContain('fake-electron window');
  });
});
