/**
 * The core process the Electron shell starts (bundled to build/core/terminal.cjs): the same core and
 * loopback transport as `markettill terminal`, serving build/renderer. It stops on SIGTERM/SIGINT and
 * when its standard input closes — the shell holds it open, so a shell that dies takes its core along.
 */
import { join } from 'node:path';
import { serveTerminal } from '../serve-terminal';

serveTerminal(process.argv.slice(2), join(__dirname, '..', 'renderer')).then(
  (terminal) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void terminal.close().finally(() => process.exit(0));
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.stdin.on('end', stop).resume();
  },
  (err: unknown) => {
    console.error(`the till's core did not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
