/**
 * The thin Electron shell's window: one locked-down window showing the UI the core process serves on
 * 127.0.0.1 (its URL carries the per-launch token in the fragment). It may not navigate anywhere
 * else or open windows. All behaviour lives in the core; this file only wires the window.
 */
import type { BrowserWindowLike, BrowserWindowOptions, ElectronMainLike } from './electron-types';

export function windowOptions(): BrowserWindowOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    title: 'MarketTill 市场收银',
    backgroundColor: '#f4f1ea',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

/** Only the core's own loopback origin may be shown. */
export function isCoreOrigin(url: string, coreUiUrl: string): boolean {
  try {
    const u = new URL(url);
    const core = new URL(coreUiUrl);
    return u.origin === core.origin && u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export interface MainWindow {
  win: BrowserWindowLike;
  /** shows a (restarted) core's UI */
  show(coreUiUrl: string): void;
}

export function createMainWindow(electron: ElectronMainLike, coreUiUrl: string): MainWindow {
  const win = new electron.BrowserWindow(windowOptions());
  let current = coreUiUrl;
  win.webContents.on('will-navigate', (e, url) => {
    if (!isCoreOrigin(url, current)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  const show = (url: string): void => {
    current = url;
    void win.loadURL(url);
  };
  show(coreUiUrl);
  return { win, show };
}
