/**
 * The institution (markettill sim, test control on, a time scale) and the settlement server
 * (markettill server on the simulator's data) as real child processes. The server can be stopped
 * (SIGTERM) or killed (SIGKILL) and started again on the same data and the same port.
 */
import { join } from 'node:path';
import { spawnRole, type RoleProcess } from '../../bin/cli/children';
import { tempDir } from '../helpers/temp';

/** the simulator divides its asynchronous delays (notification retries, refund processing) by this */
export const SIM_TIME_SCALE = 1_000;

export interface Processes {
  simUrl: string;
  simDir: string;
  serverUrl: string;
  serverDir: string;
  /** stops the server with the signal and starts it again on the same data and port; answers the wall ms it was away */
  restartServer(signal: 'SIGTERM' | 'SIGKILL'): Promise<number>;
  close(): Promise<void>;
}

async function kill(p: RoleProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  if (signal === 'SIGTERM') await p.stop();
  else p.child.kill('SIGKILL');
  await exited;
}

export async function startProcesses(): Promise<Processes> {
  const root = tempDir('market-day');
  const simDir = join(root, 'sim');
  const serverDir = join(root, 'server');
  const sim = await spawnRole('sim', [
    '--port',
    '0',
    '--data',
    simDir,
    '--test-control',
    '--time-scale',
    String(SIM_TIME_SCALE),
  ]);
  const serverArgs = (port: string) => ['--port', port, '--data', serverDir, '--demo', '--sim', simDir];
  let server = await spawnRole('server', serverArgs('0'));
  const port = new URL(server.url).port;
  return {
    simUrl: sim.url,
    simDir,
    serverUrl: server.url,
    serverDir,
    async restartServer(signal) {
      const t0 = Date.now();
      await kill(server, signal);
      server = await spawnRole('server', serverArgs(port));
      return Date.now() - t0;
    },
    async close() {
      await kill(server, 'SIGTERM');
      await kill(sim, 'SIGTERM');
    },
  };
}
