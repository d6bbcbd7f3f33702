/**
 * The thin Electron shell: one locked-down window, the IPC binding of the
 * contract, and status events forwarded to the renderer. All behaviour lives
 * in the core; this file only wires it to Electron.
 */
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/api';
import { fail } from '../../shared/contract/envelope';
import type { Core } from '../core';
import { dispatch } from '../rpc/registry';
import type { BrowserWindowLike, BrowserWindowOptions, ElectronMainLike } from './electron-types';

export function windowOptions(preloadPath: string): BrowserWindowOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    title: 'MarketTill 市场收银',
    backgroundColor: '#f4f1ea',
    show: false,
    webPreferences: { preload: preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  };
}

/** Only our own bundled page may call the core. */
export function isTrustedSender(frameUrl: string | undefined, indexHtml: string): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return u.protocol === 'file:' && decodeURIComponent(u.pathname).endsWith(indexHtml.replace(/\\/g, '/'));
  } catch {
    return false;
  }
}

export function bindCore(electron: ElectronMainLike, core: Pick<Core, 'handlers' | 'events'>, indexHtml: string): (win: BrowserWindowLike) => void {
  electron.ipcMain.handle(IPC_CHANNEL, async (event, name, input) => {
    if (!isTrustedSender(event.senderFrame?.url, indexHtml)) return fail('unauthorized', 'IPC from an untrusted frame');
    return dispatch(core.handlers, String(name), input);
  });
  return (win) => {
    core.events.onAny((event, payload) => {
      if (!win.webContents.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    });
  };
}

export function createMainWindow(electron: ElectronMainLike, preloadPath: string, indexHtml: string): BrowserWindowLike {
  const win = new electron.BrowserWindow(windowOptions(preloadPath));
  // The till shows our page and nothing else: no navigation, no new windows.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);
  return win;
}
