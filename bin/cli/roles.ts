/** The single-process roles: server, sim, terminal (headless, browser mode). */
import { fileURLToPath } from 'node:url';
import { startSim } from '../../src-sim/main';
import { startServer } from '../../src-server/main';
import { serveTerminal } from '../../src-main/serve-terminal';
import { verifyDataDir } from '../../src-main/journal/verify-file';
import { approveAtRiskInFolder } from '../../src-main/sync/at-risk';
import { wipeTill } from '../../src-main/sync/wipe';
import { parseTrustedProxies, TRUST_PROXY_ENV } from '../../src-server/http/trust-proxy';
import { parseRoleArgs, UsageError } from './args';
import { untilSignal } from './signals';

export const RENDERER_DIR = fileURLToPath(new URL('../../build/renderer', import.meta.url));

export async function runServer(argv: string[]): Promise<void> {
  const { values, common } = parseRoleArgs(
    argv,
    {
      db: { type: 'string' },
      demo: { type: 'boolean' },
      log: { type: 'boolean' },
      sim: { type: 'string' },
      'trust-proxy': { type: 'string' },
    },
    '.data/server',
  );
  const trustProxy = trustedProxiesArg(
    (values['trust-proxy'] as string | undefined) ?? process.env[TRUST_PROXY_ENV],
  );
  // --sim DIR: payments through that simulator (its sim-config.json names its URL, keys and the market's merchant number).
  const server = await startServer({
    port: common.port,
    dataDir: common.dataDir,
    dbUrl: values.db as string | undefined,
    demo: values.demo === true,
    log: values.log === true,
    sim: values.sim as string | undefined,
    trustProxy,
  });
  console.log(`ready server ${server.url}`);
  untilSignal(() => server.close());
}

function trustedProxiesArg(text: string | undefined): string[] {
  try {
    return parseTrustedProxies(text);
  } catch (err) {
    throw new UsageError(`--trust-proxy / ${TRUST_PROXY_ENV}: ${(err as Error).message}`);
  }
}

export async function runSim(argv: string[]): Promise<void> {
  const { values, common } = parseRoleArgs(
    argv,
    { 'test-control': { type: 'boolean' }, 'time-scale': { type: 'string' } },
    '.data/sim',
  );
  const timeScale = values['time-scale'] === undefined ? 1 : Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale < 1 || timeScale > 1e6)
    throw new UsageError(`--time-scale must be 1 to 1000000, got '${String(values['time-scale'])}'`);
  const sim = await startSim({
    port: common.port,
    dataDir: common.dataDir,
    testControl: values['test-control'] === true,
    timeScale,
  });
  console.log(`ready sim ${sim.url}`);
  untilSignal(() => sim.close());
}

export async function runTerminal(argv: string[]): Promise<void> {
  if (argv[0] === 'verify') return runVerify(argv.slice(1));
  if (argv[0] === 'wipe') return runWipe(argv.slice(1));
  if (argv[0] === 'update-check') return runUpdateCheck(argv.slice(1));
  const terminal = await serveTerminal(argv, RENDERER_DIR);
  untilSignal(() => terminal.close());
}

function runVerify(argv: string[]): void {
  const { common } = parseRoleArgs(argv, {}, '.data/terminal');
  const result = verifyDataDir(common.dataDir);
  if (result.ok) {
    console.log(`journal ok: ${result.entries} entries, chain intact`);
    return;
  }
  console.log(`journal BROKEN at entry ${result.seq}: ${result.reason}`);
  process.exitCode = 1;
}

function runWipe(argv: string[]): void {
  const { values, common } = parseRoleArgs(argv, { 'manager-pin': { type: 'string' } }, '.data/terminal');
  const r = wipeTill(common.dataDir, values['manager-pin'] as string | undefined, Date.now());
  if (r.wiped) {
    console.log(
      `till wiped: its data folder was moved to ${r.moved_to}${r.unsynced > 0 ? ` (${r.unsynced} unsynced entries kept there)` : ''}`,
    );
    return;
  }
  console.log(`not wiped: ${r.reason}${sinceOldest(r.oldest_ms)}`);
  process.exitCode = 1;
}

/** For whoever installs a new version (by hand or from an installer script): nothing is installed here. */
function runUpdateCheck(argv: string[]): void {
  const { values, common } = parseRoleArgs(argv, { 'manager-pin': { type: 'string' } }, '.data/terminal');
  const r = approveAtRiskInFolder(common.dataDir, 'update', values['manager-pin'] as string | undefined);
  if (r.ok) {
    const { unsynced, approved_by } = r.approval;
    console.log(
      approved_by
        ? `update approved by ${approved_by.name} (${approved_by.id}): ${unsynced} unsynced entries stay in ${common.dataDir} and sync after the update`
        : 'update may go ahead: every journal entry has reached the server',
    );
    return;
  }
  console.log(`do not update yet: ${r.reason}${sinceOldest(r.oldest_ms)}`);
  process.exitCode = 1;
}

const sinceOldest = (oldestMs: number | null): string =>
  oldestMs !== null ? ` (oldest from ${new Date(oldestMs).toISOString()})` : '';
