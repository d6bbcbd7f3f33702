/**
 * Electron main entry, bundled to build/electron/main.cjs. It only hosts the window: the core runs
 * as its own process (build/core/terminal.cjs) on the runtime its native modules were built for
 * (core-runtime.ts), checked before it starts (native-abi.ts), and restarted when it dies
 * (core-supervisor.ts). The design is in src-main/README.md, "The desktop shell".
 */
import { join } from 'node:path';
import { coreCommand } from './core-runtime';
import { superviseCore } from './core-supervisor';
import type { ElectronMainLike } from './electron-types';
import { createDisplayWindow } from './display-window';
import { createMainWindow } from './main-window';
import { abiMismatch } from './native-abi';
import { SHELL_STRINGS } from './strings';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as ElectronMainLike;
const CORE_ENTRY = join(__dirname, '..', 'core', 'terminal.cjs');
const argv = process.argv.slice(2);

function refuse(detail: string): void {
  console.error(detail);
  electron.dialog.showErrorBox(SHELL_STRINGS.cannotStartTitle, `${SHELL_STRINGS.cannotStart}\n\n${detail}`);
  electron.app.exit(1);
}

electron.app.on('window-all-closed', () => electron.app.quit());
void electron.app.whenReady().then(async () => {
  let command;
  try {
    command = coreCommand({
      isPackaged: electron.app.isPackaged,
      execPath: process.execPath,
      versions: process.versions,
      env: process.env,
    });
  } catch (err) {
    return refuse(err instanceof Error ? err.message : String(err));
  }
  const mismatch = abiMismatch(command.runtime, CORE_ENTRY);
  if (mismatch) return refuse(mismatch);
  const args = argv.includes('--data')
    ? argv
    : [...argv, '--data', join(electron.app.getPath('userData'), 'till')];
  let window: ReturnType<typeof createMainWindow> | null = null;
  let display: ReturnType<typeof createDisplayWindow> = null;
  try {
    const core = await superviseCore({
      command,
      entry: CORE_ENTRY,
      args,
      log: (line) => console.log(`[core] ${line}`),
      onRestart: (url) => {
        window?.show(url);
        display?.show(url);
      },
      onFatal: refuse,
    });
    electron.app.on('before-quit', () => void core.stop());
    window = createMainWindow(electron, core.uiUrl);
    // The customer display goes full screen on a second screen when there is one.
    display = createDisplayWindow(electron, core.uiUrl);
    console.log(`ready terminal electron (core pid ${core.pid ?? '?'} on ${command.runtime.name})`);
  } catch (err) {
    refuse(err instanceof Error ? err.message : String(err));
  }
});
