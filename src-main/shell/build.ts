/**
 * Bundles the Electron main entry and the core process it starts to CommonJS
 * (`node --import tsx src-main/shell/build.ts [OUT_DIR]`, default build/). Native modules stay
 * external: each process loads them from node_modules, built for the runtime that runs it.
 */
import { build, type BuildOptions } from 'esbuild';
import { pathToFileURL } from 'node:url';

export const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'better-sqlite3', 'serialport'],
  logLevel: 'warning',
};
/** Entry → output file under the build folder. */
export const ENTRIES: readonly { entry: string; outfile: string }[] = [
  { entry: 'src-main/shell/electron-main.ts', outfile: 'electron/main.cjs' },
  { entry: 'src-main/shell/core-entry.ts', outfile: 'core/terminal.cjs' },
];

export async function buildShell(outDir = 'build'): Promise<void> {
  for (const e of ENTRIES)
    await build({ ...BUNDLE_OPTIONS, entryPoints: [e.entry], outfile: `${outDir}/${e.outfile}` });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await buildShell(process.argv[2]);
