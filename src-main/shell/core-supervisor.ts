/**
 * Runs the till's core as a child process (build/core/terminal.cjs) and keeps it running: it waits
 * for the core's `ui <url>` line, and when the core dies it starts it again on the same data folder
 * and hands the new URL (a new port and launch token) to `onRestart`. A core that keeps dying
 * (CRASH_LIMIT exits within CRASH_WINDOW_MS) is given up, with its last output, through `onFatal`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CoreCommand } from './core-runtime';

export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 60_000;
export const RESTART_DELAY_MS = 500;
const OUTPUT_KEPT_LINES = 20;

export interface SupervisorOptions {
  command: CoreCommand;
  entry: string;
  args: string[];
  onRestart(uiUrl: string): void;
  onFatal(message: string): void;
  /** each line the core prints */
  log?(line: string): void;
}

export interface CoreSupervisor {
  /** the UI URL of the core running now */
  readonly uiUrl: string;
  /** the running core's process id */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

function startOnce(o: SupervisorOptions, output: string[]): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(o.command.command, [o.entry, ...o.args], {
    env: { ...process.env, ...o.command.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onLine = (line: string): void => {
      output.push(line);
      if (output.length > OUTPUT_KEPT_LINES) output.shift();
      o.log?.(line);
      const m = /^ui (\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `the till's core exited (${signal ?? `code ${code}`}) before it was ready:\n${output.join('\n')}`,
        ),
      ),
    );
  });
  return { child, ready };
}

export async function superviseCore(o: SupervisorOptions): Promise<CoreSupervisor> {
  const output: string[] = [];
  const exits: number[] = [];
  let stopping = false;
  let current = startOnce(o, output);
  let uiUrl = await current.ready;

  const watch = (child: ChildProcess): void => {
    child.once('exit', () => {
      if (stopping) return;
      const now = Date.now();
      exits.push(now);
      while (exits.length > 0 && exits[0]! < now - CRASH_WINDOW_MS) exits.shift();
      if (exits.length >= CRASH_LIMIT)
        return o.onFatal(
          `the till's core stopped ${exits.length} times within ${CRASH_WINDOW_MS / 1000} s; last output:\n${output.join('\n')}`,
        );
      setTimeout(() => {
        if (stopping) return;
        current = startOnce(o, output);
        watch(current.child);
        current.ready.then(
          (url) => {
            uiUrl = url;
            o.onRestart(url);
          },
          () => undefined, // its exit is counted by watch()
        );
      }, RESTART_DELAY_MS);
    });
  };
  watch(current.child);

  return {
    get uiUrl() {
      return uiUrl;
    },
    get pid() {
      return current.child.pid;
    },
    stop() {
      stopping = true;
      const child = current.child;
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
