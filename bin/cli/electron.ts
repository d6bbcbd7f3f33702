/** Finds Electron's binary where it is installed; null where it is not (as on machines without its download). */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findElectronBinary(): { path: string } | { missing: string } {
  try {
    // The 'electron' package's main export is the path of its binary; it throws when the download never happened.
    const path: unknown = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: 'the electron package has no binary' };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { missing: msg ?? 'electron is not installed' };
  }
}
