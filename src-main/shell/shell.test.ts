// The Electron shell, tested with fake Electron objects: the binary cannot run on this machine.
import { describe, expect, it, vi } from 'vitest';
import { EXPOSED_GLOBAL, IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/api';
import { contract } from '../../shared/contract/methods';
import { METHOD_NAMES } from '../../shared/contract/names';
import { TypedEmitter } from '../core';
import type { HandlerMap } from '../rpc/registry';
import { SESSION_INFO, fakeHandlers } from '../../test/helpers/fake-handlers';
import type { BrowserWindowOptions, ElectronMainLike, ElectronPreloadLike } from './electron-types';
import { bindCore, createMainWindow, isTrustedSender, windowOptions } from './main-window';
import { buildPreloadApi, exposeApi } from './preload-api';

const INDEX = '/opt/markettill/build/renderer/index.html';

function fakeMain() {
  const created: { opts: BrowserWindowOptions; navListeners: ((e: { preventDefault(): void }, url: string) => void)[]; openHandler?: (d: { url: string }) => { action: 'deny' }; loaded?: string; sent: unknown[][] }[] = [];
  const handlers = new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>>();
  const electron: ElectronMainLike = {
    app: { whenReady: async () => {}, on: () => {}, quit: () => {}, getPath: () => '/tmp' },
    BrowserWindow: class {
      webContents;
      constructor(opts: BrowserWindowOptions) {
        const rec: (typeof created)[number] = { opts, navListeners: [], sent: [] };
        created.push(rec);
        this.webContents = {
          on: (_ev: 'will-navigate', l: (e: { preventDefault(): void }, url: string) => void) => void rec.navListeners.push(l),
          setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => void (rec.openHandler = h),
          send: (...args: unknown[]) => void rec.sent.push(args),
          isDestroyed: () => false,
        };
        this.loadFile = async (p: string) => void (rec.loaded = p);
      }
      loadFile: (p: string) => Promise<void>;
      once() {}
      show() {}
    },
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
  };
  return { electron, created, handlers };
}

function someHandlers(): HandlerMap {
  return fakeHandlers({
    'session-info': () => ({ ...SESSION_INFO }),
    'catalog-list': () => ({ products: [] }),
    'status-get': () => ({ online: true, sync: { queue_depth: 0, oldest_unsynced_age_ms: null, last_success_ms: null, last_error: null }, printer: { state: 'none', message: null } }),
  });
}

describe('Electron shell', () => {
  it('creates one locked-down window: isolation, sandbox, no Node, navigation and window.open denied', () => {
    const { electron, created } = fakeMain();
    createMainWindow(electron, '/p/preload.cjs', INDEX);
    expect(created).toHaveLength(1);
    const w = created[0]!;
    expect(w.opts.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p/preload.cjs' });
    expect(w.loaded).toBe(INDEX);
    const prevent = vi.fn();
    for (const l of w.navListeners) l({ preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalled();
    expect(w.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(windowOptions('x').minWidth).toBeLessThanOrEqual(1024);
  });

  it('binds the contract over IPC, refuses untrusted frames and forwards status events', async () => {
    const { electron, created, handlers } = fakeMain();
    const events = new TypedEmitter();
    const attach = bindCore(electron, { handlers: someHandlers(), events }, INDEX);
    const handle = handlers.get(IPC_CHANNEL);
    expect(handle).toBeDefined();
    const trusted = { senderFrame: { url: `file://${INDEX}` } };
    expect(await handle!(trusted, 'session-info', {})).toMatchObject({ ok: true, value: { terminal_id: 'T1' } });
    expect(await handle!(trusted, 'no-such-method', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await handle!(trusted, 'sale-complete', { lines: [] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await handle!({ senderFrame: { url: 'https://evil.example/index.html' } }, 'session-info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handle!({ senderFrame: null }, 'session-info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    attach(createMainWindow(electron, '/p/preload.cjs', INDEX));
    const status = { online: false, sync: { queue_depth: 3, oldest_unsynced_age_ms: 10, last_success_ms: null, last_error: 'x' }, printer: { state: 'none' as const, message: null } };
    events.emit('status', status);
    expect(created[0]!.sent).toEqual([[IPC_EVENT_CHANNEL, 'status', status]]);
  });

  it('trusts only our own file page', () => {
    expect(isTrustedSender(`file://${INDEX}`, INDEX)).toBe(true);
    expect(isTrustedSender('file:///tmp/other.html', INDEX)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:1/index.html', INDEX)).toBe(false);
    expect(isTrustedSender('not a url', INDEX)).toBe(false);
  });
});

describe('preload', () => {
  it('exposes exactly one object: every contract method plus subscribe, nothing else', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
    const listeners: ((e: unknown, ...a: unknown[]) => void)[] = [];
    const ipc: ElectronPreloadLike['ipcRenderer'] = { invoke, on: (_c, l) => void listeners.push(l), removeListener: (_c, l) => void listeners.splice(listeners.indexOf(l), 1) };
    exposeApi({ contextBridge: { exposeInMainWorld: (k, v) => void exposed.set(k, v) }, ipcRenderer: ipc });
    expect([...exposed.keys()]).toEqual([EXPOSED_GLOBAL]);
    const api = exposed.get(EXPOSED_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'subscribe'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const name of METHOD_NAMES) {
      await (api[name] as (i: unknown) => Promise<unknown>)({ probe: name });
      expect(invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, name, { probe: name });
    }
    const got: unknown[] = [];
    const off = buildPreloadApi(ipc).subscribe('status', (s) => got.push(s));
    for (const l of listeners) l({}, 'status', { online: true });
    off();
    for (const l of listeners) l({}, 'status', { online: false });
    expect(got).toEqual([{ online: true }]);
  });

  it('names exactly the methods of the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });
});
