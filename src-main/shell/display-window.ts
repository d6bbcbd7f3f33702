/**
 * The customer display (客显) in Electron: a second window, full screen on
 * the second screen when one is plugged in (screen.getAllDisplays), showing
 * the core's display page (/display.html, the same launch token as the till's
 * page). With one screen there is no second window; the page can still be
 * opened on any browser at the URL the core prints (`display <url>`).
 */
import type { BrowserWindowOptions, DisplayLike, ElectronMainLike } from './electron-types';
import { isCoreOrigin, windowOptions, type MainWindow } from './main-window';

/** The screen for the customer display: any screen that is not the cashier's (the primary one). */
export function customerScreen(displays: readonly DisplayLike[], primaryId: number): DisplayLike | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/** The display page of the core whose till page is `coreUiUrl`: same origin, same token in the fragment. */
export function displayUrlFor(coreUiUrl: string): string {
  const u = new URL(coreUiUrl);
  u.pathname = '/display.html';
  return u.toString();
}

export function displayWindowOptions(on: DisplayLike): BrowserWindowOptions {
  const { x, y, width, height } = on.bounds;
  return {
    ...windowOptions(),
    title: 'MarketTill 客显',
    x,
    y,
    width,
    height,
    minWidth: 320,
    minHeight: 240,
    fullscreen: true,
    frame: false,
  };
}

/** Opens the display window on the second screen, or answers null when there is only one. */
export function createDisplayWindow(electron: ElectronMainLike, coreUiUrl: string): MainWindow | null {
  const on = customerScreen(electron.screen.getAllDisplays(), electron.screen.getPrimaryDisplay().id);
  if (!on) return null;
  const win = new electron.BrowserWindow(displayWindowOptions(on));
  let current = coreUiUrl;
  // Like the till's window: the core's page only, no navigation elsewhere, no new windows.
  win.webContents.on('will-navigate', (e, url) => {
    if (!isCoreOrigin(url, current)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  const show = (url: string): void => {
    current = url;
    void win.loadURL(displayUrlFor(url));
  };
  show(coreUiUrl);
  return { win, show };
}
