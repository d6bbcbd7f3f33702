/**
 * Which executable runs the till's core process. Native modules load only in the runtime they were
 * built for, so the core runs where its better-sqlite3 came from:
 * - in a packaged app (electron-builder rebuilt the native modules for Electron), Electron itself
 *   as Node (`ELECTRON_RUN_AS_NODE=1`): a stall PC needs no Node;
 * - in a developer's checkout (`npm install` built them for Node), the Node on PATH;
 * - MARKETTILL_CORE_NODE, when set, names the Node to use instead.
 */
import { spawnSync } from 'node:child_process';
import type { Runtime } from './native-abi';

export interface CoreCommand {
  command: string;
  /** added to the core's environment */
  env: Record<string, string>;
  runtime: Runtime;
}

export interface ShellProcess {
  isPackaged: boolean;
  execPath: string;
  versions: NodeJS.ProcessVersions;
  env: NodeJS.ProcessEnv;
}

/** Asks a Node executable for its version and ABI; throws with the reason when it does not answer. */
export function probeNode(command: string): Runtime {
  const r = spawnSync(command, ['-p', 'process.versions.node + " " + process.versions.modules'], {
    encoding: 'utf8',
    timeout: 10_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const m = /^(\S+) (\d+)\s*$/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m)
    throw new Error(
      `The till's core needs Node to run it here, and '${command}' did not answer (${r.error?.message ?? (r.stderr || `exit ${r.status}`).trim()}).`,
    );
  return { name: `Node ${m[1]}`, modules: Number(m[2]) };
}

export function coreCommand(shell: ShellProcess): CoreCommand {
  const given = shell.env.MARKETTILL_CORE_NODE;
  if (given) return { command: given, env: {}, runtime: probeNode(given) };
  if (shell.isPackaged) {
    return {
      command: shell.execPath,
      env: { ELECTRON_RUN_AS_NODE: '1' },
      runtime: {
        name: `Electron ${shell.versions.electron ?? '?'}`,
        modules: Number(shell.versions.modules),
      },
    };
  }
  return { command: 'node', env: {}, runtime: probeNode('node') };
}
