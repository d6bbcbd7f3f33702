// The Electron shell, tested with fake Electron objects (the binary cannot run on this machine): its
// window, which core runtime it picks, and the ABI check that refuses a core whose binding cannot load.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/helpers/temp';
import { coreCommand, probeNode } from './core-runtime';
import { createDisplayWindow, customerScreen, displayUrlFor } from './display-window';
import type { BrowserWindowOptions, DisplayLike, ElectronMainLike } from './electron-types';
import { createMainWindow, isCoreOrigin, windowOptions } from './main-window';
import { abiMismatch, bindingAbi, resolveBinding } from './native-abi';

const CORE_URL = 'http://127.0.0.1:41149/#token=abc';

const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const CUSTOMER = { id: 7, bounds: { x: 1366, y: 0, width: 800, height: 480 } };

function fakeMain(screens: DisplayLike[] = [LAPTOP]) {
  const created: {
    opts: BrowserWindowOptions;
    navListeners: ((e: { preventDefault(): void }, url: string) => void)[];
    openHandler?: (d: { url: string }) => { action: 'deny' };
    loaded: string[];
  }[] = [];
  const electron: ElectronMainLike = {
    app: {
      isPackaged: false,
      whenReady: async () => {},
      on: () => {},
      quit: () => {},
      exit: () => {},
      getPath: () => '/tmp',
    },
    dialog: { showErrorBox: () => {} },
    screen: { getAllDisplays: () => screens, getPrimaryDisplay: () => screens[0]! },
    BrowserWindow: class {
      webContents;
      constructor(opts: BrowserWindowOptions) {
        const rec: (typeof created)[number] = { opts, navListeners: [], loaded: [] };
        created.push(rec);
        this.webContents = {
          on: (_ev: 'will-navigate', l: (e: { preventDefault(): void }, url: string) => void) =>
            void rec.navListeners.push(l),
          setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => void (rec.openHandler = h),
        };
        this.loadURL = async (u: string) => void rec.loaded.push(u);
      }
      loadURL: (u: string) => Promise<void>;
      once() {}
      show() {}
    },
  };
  return { electron, created };
}

/** A package folder whose native binary claims `symbol`, as a build for another runtime would. */
function plantedBinding(symbol: string): string {
  const root = tempDir('planted-binding');
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3","version":"0.0.0"}');
  writeFileSync(
    join(pkg, 'build', 'Release', 'better_sqlite3.node'),
    Buffer.concat([Buffer.from('\x7fELF\0\0'), Buffer.from(`${symbol}\0`)]),
  );
  mkdirSync(join(root, 'core'));
  return join(root, 'core', 'terminal.cjs');
}

const here = { name: `Node ${process.versions.node}`, modules: Number(process.versions.modules) };

describe('Electron shell window', () => {
  it("opens the customer display full screen on the second screen, on the core's display page, locked down; none with one screen", () => {
    expect(createDisplayWindow(fakeMain().electron, CORE_URL)).toBeNull();
    const { electron, created } = fakeMain([LAPTOP, CUSTOMER]);
    const d = createDisplayWindow(electron, CORE_URL);
    expect(d).not.toBeNull();
    const rec = created[0]!;
    expect(rec.opts).toMatchObject({
      x: 1366,
      y: 0,
      width: 800,
      height: 480,
      fullscreen: true,
      frame: false,
    });
    expect(rec.opts.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(rec.loaded).toEqual(['http://127.0.0.1:41149/display.html#token=abc']);
    const prevent = vi.fn();
    for (const l of rec.navListeners) l({ preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalled();
    expect(rec.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    // A restarted core (new port, new token): the display follows it.
    d!.show('http://127.0.0.1:5000/#token=new');
    expect(rec.loaded.at(-1)).toBe('http://127.0.0.1:5000/display.html#token=new');
    expect(customerScreen([CUSTOMER, LAPTOP], LAPTOP.id)).toBe(CUSTOMER);
    expect(displayUrlFor(CORE_URL)).toBe('http://127.0.0.1:41149/display.html#token=abc');
  });

  it('creates one locked-down window on the core URL: isolation, sandbox, no Node, no preload; no other origin, no window.open', () => {
    const { electron, created } = fakeMain();
    const w = createMainWindow(electron, CORE_URL);
    expect(created).toHaveLength(1);
    const rec = created[0]!;
    expect(rec.opts.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(rec.loaded).toEqual([CORE_URL]);
    const prevent = vi.fn();
    for (const l of rec.navListeners) l({ preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalledTimes(1);
    for (const l of rec.navListeners) l({ preventDefault: prevent }, 'http://127.0.0.1:41149/#token=abc');
    expect(prevent).toHaveBeenCalledTimes(1);
    expect(rec.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    // A restarted core: a new port; the old one is no longer trusted.
    w.show('http://127.0.0.1:50000/#token=def');
    expect(rec.loaded).toEqual([CORE_URL, 'http://127.0.0.1:50000/#token=def']);
    for (const l of rec.navListeners) l({ preventDefault: prevent }, 'http://127.0.0.1:41149/');
    expect(prevent).toHaveBeenCalledTimes(2);
    expect(windowOptions().minWidth).toBeLessThanOrEqual(1024);
  });

  it('trusts only the core loopback origin', () => {
    expect(isCoreOrigin('http://127.0.0.1:41149/index.html', CORE_URL)).toBe(true);
    expect(isCoreOrigin('http://127.0.0.1:41150/', CORE_URL)).toBe(false);
    expect(isCoreOrigin('http://localhost:41149/', CORE_URL)).toBe(false);
    expect(isCoreOrigin('file:///tmp/index.html', CORE_URL)).toBe(false);
    expect(isCoreOrigin('not a url', CORE_URL)).toBe(false);
  });
});

describe('the core runtime', () => {
  const versions = { ...process.versions, electron: '39.8.10', modules: '140' } as NodeJS.ProcessVersions;

  it('packaged: Electron itself as Node, with its ABI; a checkout: the Node on PATH; MARKETTILL_CORE_NODE wins', () => {
    expect(
      coreCommand({ isPackaged: true, execPath: '/opt/MarketTill/markettill', versions, env: {} }),
    ).toEqual({
      command: '/opt/MarketTill/markettill',
      env: { ELECTRON_RUN_AS_NODE: '1' },
      runtime: { name: 'Electron 39.8.10', modules: 140 },
    });
    expect(
      coreCommand({ isPackaged: false, execPath: '/x/electron', versions, env: { PATH: process.env.PATH } }),
    ).toMatchObject({ command: 'node', env: {} });
    expect(
      coreCommand({
        isPackaged: true,
        execPath: '/x/electron',
        versions,
        env: { MARKETTILL_CORE_NODE: process.execPath },
      }),
    ).toEqual({ command: process.execPath, env: {}, runtime: here });
  });

  it('says clearly when there is no Node to run the core', () => {
    expect(() => probeNode('/nonexistent/node')).toThrow(
      /The till's core needs Node to run it here, and '\/nonexistent\/node' did not answer/,
    );
  });
});

describe('native module ABI', () => {
  it("reads the ABI of the installed better-sqlite3 (this Node's) and of serialport's Node-API binding", () => {
    const sqlite = resolveBinding(
      'better-sqlite3',
      'build/Release/better_sqlite3.node',
      join(process.cwd(), 'build', 'core', 'terminal.cjs'),
    );
    expect(bindingAbi(sqlite)).toEqual({ kind: 'node', modules: here.modules });
    const serial = join(
      createRequire(import.meta.url).resolve('@serialport/bindings-cpp/package.json'),
      '..',
      'prebuilds',
      'linux-x64',
      '@serialport+bindings-cpp.glibc.node',
    );
    expect(bindingAbi(serial)).toEqual({ kind: 'napi' });
    expect(abiMismatch(here, join(process.cwd(), 'build', 'core', 'terminal.cjs'))).toBeNull();
  });

  it('refuses, with one message naming both ABIs, a binding built for another runtime', () => {
    const entry = plantedBinding('node_register_module_v115');
    expect(abiMismatch({ name: 'Electron 39.8.10', modules: 140 }, entry)).toBe(
      `The till's core cannot start: better-sqlite3 (${join(entry, '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')}) ` +
        'was built for NODE_MODULE_VERSION 115, but the core runs on Electron 39.8.10 (NODE_MODULE_VERSION 140). ' +
        'Run the core on the Node that ran npm install (MARKETTILL_CORE_NODE), or install a package built by npm run dist.',
    );
    expect(abiMismatch({ name: 'Electron 39.8.10', modules: 115 }, entry)).toBeNull();
  });

  it('refuses a missing package, a missing binary and a file that is no native module', () => {
    expect(abiMismatch(here, '/nonexistent/core/terminal.cjs')).toMatch(
      /better-sqlite3 is not installed beside/,
    );
    const entry = plantedBinding('nothing');
    expect(abiMismatch(here, entry)).toMatch(/is not a Node native module/);
  });
});
