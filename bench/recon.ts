/**
 * bench recon: a 1,000,000-row institution bill (WeChat layout, 元, backticks)
 * reconciled against 1,000,000 of our payments. The bill is written to a
 * temporary file first by a child process (not timed, not in our RSS), then read as a stream, parsed, checked
 * against its SHA-1 and summary, and matched; a handful of differences are
 * planted so classification runs too. Baseline in the same run: reading the
 * same file line by line and doing nothing else. Peak memory is the
 * process's max RSS (process.resourceUsage().maxRSS).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readBill } from '../src-server/recon/bill-stream';
import { shanghaiMidnightMs } from '../src-server/recon/days';
import { payIndex, Reconciler, refundIndex } from '../src-server/recon/engine';
import { BillWriter } from '../src-server/recon/testing/bill-writer';
import type { LocalPayment } from '../src-server/recon/types';

const ROWS = Number(process.env.RECON_ROWS ?? 1_000_000);
const DAY = '2025-06-01';
const T0 = shanghaiMidnightMs(DAY);
const SUBS = Array.from({ length: 200 }, (_, i) => `19${String(10_000_000 + i)}`);
const no = (i: number): string => `Q01JX${String(i).padStart(20, '0')}01`;
const amount = (i: number): number => 100 + ((i * 7919) % 500_000);
const atMs = (i: number): number => T0 + Math.floor((i / ROWS) * 86_000_000);
const stamp = (ms: number): string =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
/** planted: every 100,000th row differs by a fen in the bill; the last local payment is missing from the bill */
const planted = (i: number): boolean => i % 100_000 === 7;

/** Runs in a child process, so writing the bill never counts toward the reconciler's peak memory. */
async function writeBill(file: string): Promise<string> {
  const out = createWriteStream(file);
  const hash = createHash('sha1');
  const w = new BillWriter();
  const put = async (s: string): Promise<void> => {
    hash.update(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(w.header);
  for (let i = 0; i < ROWS; i++) {
    const sub = SUBS[i % SUBS.length] ?? '';
    const a = amount(i) + (planted(i) ? 1 : 0);
    await put(
      w.pay({
        at: stamp(atMs(i)),
        sub_mchid: sub,
        transaction_id: `4200${String(i).padStart(24, '0')}`,
        out_trade_no: no(i),
        amount_fen: a,
        fee_fen: Math.floor((a * 60 + 5_000) / 10_000),
      }),
    );
  }
  await put(w.summary());
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

function* locals(): Generator<LocalPayment> {
  for (let i = 0; i <= ROWS; i++)
    yield {
      out_trade_no: no(i),
      stall_id: `S${i % SUBS.length}`,
      sub_mchid: SUBS[i % SUBS.length] ?? '',
      amount_fen: amount(i),
      state: 'paid',
      at_ms: atMs(Math.min(i, ROWS - 1)),
    };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-recon-'));
  const file = join(dir, 'bill.csv');
  try {
    let t = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--write', file],
      { encoding: 'utf8', env: { ...process.env } },
    );
    if (child.status !== 0) throw new Error(`bill writer failed: ${child.stderr}`);
    const sha1 = child.stdout.trim();
    console.log(
      `wrote a ${ROWS.toLocaleString('en')}-row bill in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`,
    );

    t = performance.now();
    let lines = 0;
    for await (const _line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
      lines++;
    const baselineS = (performance.now() - t) / 1000;
    console.log(
      `baseline: read ${lines.toLocaleString('en')} lines with node:readline in ${baselineS.toFixed(2)} s`,
    );

    const start = performance.now();
    const index = payIndex(locals());
    const indexS = (performance.now() - start) / 1000;
    const r = new Reconciler(DAY, index, refundIndex());
    const read = await readBill(createReadStream(file), r.row, sha1);
    const out = r.finish();
    const wallS = (performance.now() - start) / 1000;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const kinds = out.differences.reduce<Record<string, number>>(
      (m, d) => ({ ...m, [d.kind]: (m[d.kind] ?? 0) + 1 }),
      {},
    );
    console.log(`indexed ${index.size.toLocaleString('en')} local payments in ${indexS.toFixed(2)} s`);
    console.log(
      `reconciled ${read.rows.toLocaleString('en')} bill rows (SHA-1 and summary checked): ${out.matched.toLocaleString('en')} matched, differences ${JSON.stringify(kinds)}, ${out.merchants.length} merchants`,
    );
    console.log(
      `wall ${wallS.toFixed(2)} s (${(wallS / baselineS).toFixed(1)}× the bare line read), peak RSS ${peakMb.toFixed(0)} MB; goal ≤ 20 s and ≤ 300 MB`,
    );
    console.log(
      JSON.stringify({
        bench: 'recon',
        rows: read.rows,
        wall_s: Number(wallS.toFixed(2)),
        peak_rss_mb: Math.round(peakMb),
        baseline_read_s: Number(baselineS.toFixed(2)),
        ratio: Number((wallS / baselineS).toFixed(2)),
        differences: out.differences.length,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const w = process.argv.indexOf('--write');
if (w > 0) process.stdout.write(`${await writeBill(process.argv[w + 1] ?? '')}\n`);
else await main();
