/**
 * Power-cut tests: a child process writes in a loop and prints what it has had acknowledged; the
 * test SIGKILLs it at a chosen moment and later checks that every printed item is stored.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles a child script once, so each restart costs a plain `node` start, not a TypeScript compile. */
export async function bundleChild(entry: string): Promise<string> {
  // Inside node_modules/.cache so that the bundle resolves better-sqlite3 from the project.
  const out = join(
    process.cwd(),
    'node_modules',
    '.cache',
    'markettill',
    entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'),
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return out;
}

/** Runs the bundled child with `args`, kills it `delayMs` after it printed `ready`, and answers the complete lines it printed after that. */
export function runAndKill(childJs: string, args: string[], delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      const before = out;
      out += d.toString();
      if (!before.includes('ready\n') && out.includes('ready\n'))
        setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child exited ${code}/${signal}: ${err}`));
      // Only complete lines count: a line cut mid-write was never acknowledged.
      const lines = out.split('\n');
      lines.pop();
      resolve(lines.filter((l) => l !== 'ready'));
    });
  });
}
