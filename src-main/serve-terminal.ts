/**
 * The till's core as its own process: the core plus its authenticated loopback transport, serving the
 * built UI. `markettill terminal` runs this under Node; the Electron shell runs the same code
 * (bundled to build/core/terminal.cjs) as a child process and shows its UI URL in the window.
 * Prints `ready terminal <url>`, `ui <url with the launch token>` and `display <the customer display's
 * page, same token>` once it listens.
 */
import { startCore } from './core';
import { deviceDefaultsFromOptions } from './devices/printer-setup';
import { startHttpTransport } from './rpc/http-transport';
import { parseTerminalArgs } from './terminal-options';

export async function serveTerminal(
  argv: string[],
  rendererDir: string,
  defaultDataDir = '.data/terminal',
): Promise<{ close(): Promise<void> }> {
  const opts = parseTerminalArgs(argv);
  const core = await startCore({
    dataDir: opts.dataDir ?? defaultDataDir,
    serverUrl: opts.serverUrl,
    pairingCode: opts.pairingCode,
    devices: deviceDefaultsFromOptions(opts),
  });
  const http = await startHttpTransport({
    handlers: core.handlers,
    events: core.events,
    port: opts.port,
    staticDir: rendererDir,
  });
  console.log(`ready terminal ${http.url}`);
  console.log(`ui ${http.uiUrl}`);
  console.log(`display ${http.displayUrl}`);
  return {
    async close() {
      await http.close();
      await core.close();
    },
  };
}
