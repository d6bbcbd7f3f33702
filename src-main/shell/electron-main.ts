/**
 * Electron main entry, bundled to build/electron/main.cjs. It hosts the same
 * core as the headless process and wires it to one window over IPC.
 */
import { join } from 'node:path';
import { startCore } from '../core';
import { deviceDefaultsFromOptions } from '../devices/printer-setup';
import { parseTerminalArgs } from '../terminal-options';
import type { ElectronMainLike } from './electron-types';
import { bindCore, createMainWindow } from './main-window';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as ElectronMainLike;
const opts = parseTerminalArgs(process.argv.slice(2));
const indexHtml = join(__dirname, '..', 'renderer', 'index.html');

electron.app.on('window-all-closed', () => electron.app.quit());
void electron.app.whenReady().then(async () => {
  const core = await startCore({ dataDir: opts.dataDir ?? join(electron.app.getPath('userData'), 'till'), serverUrl: opts.serverUrl, pairingCode: opts.pairingCode, devices: deviceDefaultsFromOptions(opts) });
  electron.app.on('before-quit', () => void core.close());
  const attach = bindCore(electron, core, indexHtml);
  attach(createMainWindow(electron, join(__dirname, 'preload.cjs'), indexHtml));
  console.log(`ready terminal electron`);
});
