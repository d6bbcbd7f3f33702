/**
 * `markettill <role>`: demo | server | sim | terminal. Each role prints
 * `ready <role> <url>` once it listens and stops cleanly on SIGINT/SIGTERM.
 */
import { runDemo } from './demo';
import { UsageError } from './args';
import { runServer, runSim, runTerminal } from './roles';

const USAGE = `usage: markettill <command> [options]

commands:
  demo       server + simulator + terminal with demo data (what \`npm start\` runs)
  server     the settlement server          [--port N] [--data DIR] [--db postgres://…] [--demo] [--trust-proxy CIDR,…]
  sim        the payment institution simulator [--port N] [--data DIR] [--test-control] [--time-scale N]
  terminal   the till's core in browser mode   [--port N] [--data DIR] [--server URL --pair CODE] [--printer tcp://HOST:PORT] [--paper 58|80]
  terminal verify --data DIR   walk the till's journal chain and report the first bad entry
  terminal wipe --data DIR [--manager-pin PIN]   set a till's data aside (a manager's PIN when entries are unsynced)
  terminal update-check --data DIR [--manager-pin PIN]   before installing a new version: exit 0 when it may go ahead (a manager's PIN when entries are unsynced)

common options: --port N (0 = any free port), --data DIR`;

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return await runDemo(rest);
      case 'server':
        return await runServer(rest);
      case 'sim':
        return await runSim(rest);
      case 'terminal':
        return await runTerminal(rest);
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`markettill: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`markettill ${command ?? ''}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
