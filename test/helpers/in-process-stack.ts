/** A server with demo data and an enrolled terminal core in this process, on real SQLite files and real HTTP. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from '../../src-main/core';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { tempDir } from './temp';

export interface Stack {
  server: RunningServer;
  serverDir: string;
  core: Core;
  terminalDir: string;
  close(): Promise<void>;
}

export async function startStack(opts: Partial<CoreOptions> = {}): Promise<Stack> {
  const serverDir = tempDir('server');
  const terminalDir = tempDir('terminal');
  const server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  const pairing = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  const core = await startCore({
    dataDir: terminalDir,
    serverUrl: server.url,
    pairingCode: pairing.pairing_code,
    ...opts,
  });
  return {
    server,
    serverDir,
    core,
    terminalDir,
    async close() {
      await core.close();
      await server.close();
    },
  };
}
