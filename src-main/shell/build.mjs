// Bundles the Electron main and preload entries to CommonJS (sandboxed preloads cannot load ESM).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'serialport'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['src-main/shell/electron-main.ts'], outfile: 'build/electron/main.cjs' });
await build({ ...common, entryPoints: ['src-main/shell/preload.ts'], outfile: 'build/electron/preload.cjs' });
