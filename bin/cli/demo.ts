/**
 * `markettill demo` (what `npm start` runs): the simulator, the server with
 * demo data, a printer emulator that shows each receipt, and the till —
 * in Electron where its binary is installed, in the browser otherwise.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrinterEmulator } from '../../test/emulators/printer/emulator';
import { renderJob } from '../../test/emulators/printer/job';
import { DEMO_STAFF } from '../../src-server/demo/seed';
import { parseRoleArgs } from './args';
import { spawnRole, type RoleProcess } from './children';
import { findElectronBinary } from './electron';
import { onboardDemoStalls } from './demo-payments';
import { untilSignal } from './signals';

const ELECTRON_MAIN = fileURLToPath(new URL('../../build/electron/main.cjs', import.meta.url));

export async function runDemo(argv: string[]): Promise<void> {
  const { common } = parseRoleArgs(argv, {}, '.data/demo');
  const dataDir = resolve(common.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const children: RoleProcess[] = [];
  // Ready lines pass through as they are; everything else is tagged with its process.
  const echo = (prefix: string) => (line: string) =>
    console.log(line.startsWith('ready ') ? line : `[${prefix}] ${line}`);
  const stopAll = async (): Promise<void> => {
    await Promise.all(children.map((c) => c.stop()));
    await printer.close();
  };
  untilSignal(stopAll);

  const receiptsFile = join(dataDir, 'printed-receipts.txt');
  const printer = await startPrinterEmulator({
    host: '127.0.0.1',
    port: 0,
    onJob: (job) => {
      appendFileSync(receiptsFile, `${renderJob(job)}\n${'='.repeat(32)}\n`);
      console.log(
        `[printer] printed a receipt (${job.lines.length} lines, QR: ${job.qrCodes.length}); all receipts: ${receiptsFile}`,
      );
    },
  });
  console.log(`ready printer tcp://127.0.0.1:${printer.port}`);

  try {
    // The server reads the simulator's sim-config.json, written when the simulator starts: one after the other.
    // Training mode: the simulator's control API onboards the demo stalls (see demo-payments.ts).
    const sim = await spawnRole('sim', ['--port', '0', '--data', join(dataDir, 'sim'), '--test-control'], {
      echo: echo('sim'),
    });
    const server = await spawnRole(
      'server',
      ['--port', '0', '--data', join(dataDir, 'server'), '--demo', '--sim', join(dataDir, 'sim')],
      { echo: echo('server') },
    );
    children.push(sim, server);
    const onboarded = await onboardDemoStalls(sim.url, server.url);
    if (onboarded > 0)
      console.log(
        `demo: ${onboarded} stalls onboarded at the payment institution simulator; QR and payment codes work`,
      );
    const termData = join(dataDir, 'terminal');
    const pairingFile = join(dataDir, 'server', 'demo-pairing.json');
    const enrolled = existsSync(join(termData, 'terminal.sqlite'));
    const pairArgs =
      !enrolled && existsSync(pairingFile)
        ? ['--pair', (JSON.parse(readFileSync(pairingFile, 'utf8')) as { pairing_code: string }).pairing_code]
        : [];
    const termArgs = [
      '--data',
      termData,
      '--server',
      server.url,
      ...pairArgs,
      '--printer',
      `tcp://127.0.0.1:${printer.port}`,
    ];

    const electron = findElectronBinary();
    if ('path' in electron && existsSync(ELECTRON_MAIN)) {
      const till = await spawnRole('terminal', termArgs, {
        command: [electron.path, ELECTRON_MAIN],
        // The shell runs the core on this Node, for which npm install built the native modules.
        env: { ...process.env, MARKETTILL_CORE_NODE: process.execPath },
        echo: echo('terminal'),
      });
      children.push(till);
      console.log('ready demo electron');
    } else {
      const why = 'missing' in electron ? electron.missing : 'build/electron is missing (run npm run build)';
      console.log(`Electron cannot start here (${why}); serving the till in browser mode instead.`);
      const till = await spawnRole('terminal', ['--port', String(common.port), ...termArgs], {
        echo: echo('terminal'),
      });
      children.push(till);
      const ui = await till.waitForLine(/^ui (\S+)/);
      console.log(`ready demo ${ui[1]}`);
      console.log(`Open the till in a browser: ${ui[1]}`);
      const display = await till.waitForLine(/^display (\S+)/);
      console.log(`Customer display (客显), on a second screen: ${display[1]}`);
    }
    console.log(
      `Staff login for the server: ${DEMO_STAFF.username} / ${DEMO_STAFF.password}. Press Ctrl-C to stop everything.`,
    );
  } catch (err) {
    await stopAll();
    throw err;
  }
}
