/**
 * Spawns a markettill role as a child process and waits for its
 * `ready <role> <url>` line. Used by `demo` and by cross-process tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../markettill.js', import.meta.url));
export const READY_TIMEOUT_MS = 60_000;

export interface RoleProcess {
  role: string;
  url: string;
  child: ChildProcess;
  /** every line the child printed (stdout and stderr), for diagnostics */
  output: string[];
  /** lines after the ready line, e.g. the terminal's `ui <url>` */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

export function spawnRole(
  role: string,
  args: string[],
  opts: { echo?: (line: string) => void; command?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<RoleProcess> {
  // MT_CPU_PROF_DIR=<dir>: every spawned role writes V8 CPU profiles (one per thread) into <dir>/<role> when it exits (for benchmarks).
  const prof = process.env.MT_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MT_CPU_PROF_DIR}/${role}`]
    : [];
  const [cmd, ...pre] = opts.command ?? [process.execPath, ...prof, CLI_PATH, role];
  const child = spawn(cmd ?? process.execPath, [...pre, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: opts.env ?? process.env,
  });
  const output: string[] = [];
  const waiters = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      opts.echo?.(line);
      for (const w of waiters) w(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const waitForLine = (re: RegExp, timeoutMs = READY_TIMEOUT_MS): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      for (const line of output) {
        const m = re.exec(line);
        if (m) return resolve(m);
      }
      const timer = setTimeout(
        () =>
          done(
            new Error(
              `${role}: no line matching ${re} within ${timeoutMs} ms; output:\n${output.join('\n')}`,
            ),
          ),
        timeoutMs,
      );
      const onLine = (line: string): void => {
        const m = re.exec(line);
        if (m) done(null, m);
      };
      const onExit = (code: number | null): void =>
        done(new Error(`${role} exited (${code}) before printing ${re}; output:\n${output.join('\n')}`));
      function done(err: Error | null, m?: RegExpExecArray): void {
        clearTimeout(timer);
        waiters.delete(onLine);
        child.off('exit', onExit);
        if (err) reject(err);
        else if (m) resolve(m);
      }
      waiters.add(onLine);
      child.once('exit', onExit);
    });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  return waitForLine(new RegExp(`^ready ${role} (\\S+)`)).then(
    (m) => ({ role, url: m[1] ?? '', child, output, waitForLine, stop }),
    async (err: unknown) => {
      await stop();
      throw err;
    },
  );
}
