/**
 * payments: paid orders per second end to end — the till signs a receipt QR, the buyer's phone opens
 * it, the server creates the institution order, the buyer confirms at the simulator, the signed and
 * encrypted notification reaches the server, the split is made and booked in the ledger. Server and
 * simulator run as their own processes (as in production), so each one's CPU per paid order is read
 * from /proc. Latency is from the buyer's scan to the order recorded paid on the server.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnRole, type RoleProcess } from '../bin/cli/children';
import { onboardDemoStalls } from '../bin/cli/demo-payments';
import { payUrl } from '../src-main/payments/pay-url';
import { completeSale } from '../src-main/sales/complete-sale';
import { DEMO_PAIRING_FILE } from '../src-server/main';
import { enrolTill } from '../test/helpers/enrolled-till';
import { tempDir } from '../test/helpers/temp';
import { buyerPays, WECHAT_UA } from '../test/payments/stack';
import { percentile, report, round } from './lib/stats';

const ORDERS = Number(process.env.ORDERS ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const TICKS_PER_S = 100; // Linux USER_HZ

function cpuMs(p: RoleProcess): number {
  const stat = readFileSync(`/proc/${p.child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
}

async function main(): Promise<void> {
  const simDir = tempDir('bench-pay-sim');
  const serverDir = tempDir('bench-pay-server');
  const sim = await spawnRole('sim', [
    '--port',
    '0',
    '--data',
    simDir,
    '--test-control',
    '--time-scale',
    '1000',
  ]);
  const server = await spawnRole('server', ['--port', '0', '--data', serverDir, '--demo', '--sim', simDir]);
  try {
    await onboardDemoStalls(sim.url, server.url);
    const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
      pairing_code: string;
    };
    const till = await enrolTill(server.url, pairing_code);
    const buyer = await fetch(`${sim.url}/sim/control/buyers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'WECHAT',
        balance_fen: 10_000_000_000,
        code_level: 'A',
        password: '123456',
      }),
    });
    const buyerId = ((await buyer.json()) as { id: string }).id;
    const urls: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const s = completeSale(
        till.db,
        till.who,
        till.cashier,
        {
          lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 1 }, discount_fen: 0 }],
          sale_discount_fen: 0,
          tenders: [{ kind: 'qr', amount_fen: 1500 }],
        },
        Date.now(),
        (claims, at) => payUrl(server.url, till.key, claims, at),
      );
      if (s.pay_url) urls.push(s.pay_url);
    }
    const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
    const cpu0 = { server: cpuMs(server), sim: cpuMs(sim) };
    const started = new Map<string, number>();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < urls.length; i = next++) {
          const url = urls[i] ?? '';
          started.set(url.slice(url.lastIndexOf('/') + 1), Date.now());
          const r = await buyerPays(url, WECHAT_UA, buyerId);
          if (!r.confirm.includes('支付成功'))
            throw new Error(
              `payment ${i} not confirmed: ${r.confirm
                .replace(/<style[\s\S]*?<\/style>/g, '')
                .replace(/<[^>]+>/g, ' ')
                .replace(/\s+/g, ' ')
                .slice(0, 300)}`,
            );
        }
      }),
    );
    // Wait for every notification to be applied.
    const paid = (): number =>
      (
        sdb.prepare('SELECT COUNT(*) AS n FROM payment_order WHERE paid_ms IS NOT NULL').get() as {
          n: number;
        }
      ).n;
    while (paid() < urls.length) await new Promise((r) => setTimeout(r, 20));
    const paidAt = performance.now();
    const cpuPaid = { server: cpuMs(server), sim: cpuMs(sim) };
    // The institution holds a split for 30 s after payment and the server tries at 31 s: that wait is
    // latency, not work, so the CPU of the split phase is counted from the first split to the last.
    await fetch(`${sim.url}/sim/control/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 31_000 }),
    });
    const split = (): number =>
      (
        sdb
          .prepare("SELECT COUNT(*) AS n FROM payment_order WHERE split_state IN ('done', 'skipped')")
          .get() as { n: number }
      ).n;
    while (split() === 0) await new Promise((r) => setTimeout(r, 20));
    const cpuSplit0 = { server: cpuMs(server), sim: cpuMs(sim) };
    while (split() < urls.length) await new Promise((r) => setTimeout(r, 20));
    const wallS = (performance.now() - t0) / 1000;
    const cpuEnd = { server: cpuMs(server), sim: cpuMs(sim) };
    const created = sdb
      .prepare('SELECT created_ms, paid_ms FROM payment_order WHERE paid_ms IS NOT NULL')
      .all() as { created_ms: number; paid_ms: number }[];
    const lat = created.map((r) => r.paid_ms - r.created_ms).sort((a, b) => a - b);
    const splits = sdb
      .prepare(
        "SELECT e.created_ms - o.paid_ms AS ms FROM ledger_entry e JOIN payment_order o ON o.transaction_id = e.ref WHERE e.txn_type = 'split'",
      )
      .all() as { ms: number }[];
    const splitLat = splits.map((r) => r.ms).sort((a, b) => a - b);
    sdb.close();
    const perOrder = (k: 'server' | 'sim'): number =>
      round((cpuPaid[k] - cpu0[k] + cpuEnd[k] - cpuSplit0[k]) / urls.length, 2);
    const paidS = (paidAt - t0) / 1000;
    const perS = urls.length / paidS;
    console.log(
      `${urls.length} QR orders, ${CONCURRENCY} buyers at once: all paid and booked in ${round(paidS, 2)} s = ${round(perS, 1)} paid orders/s; every split made and booked (${splits.length} split entries) ${round(wallS, 2)} s after the start`,
    );
    console.log(
      `order created → recorded paid: p50 ${round(percentile(lat, 50), 1)} ms, p99 ${round(percentile(lat, 99), 1)} ms; paid → split booked: p50 ${round(percentile(splitLat, 50) / 1000, 1)} s (the institution holds a split for 30 s)`,
    );
    console.log(
      `CPU per paid order (pay phase + split phase, not the 30 s wait): server ${perOrder('server')} ms, simulator ${perOrder('sim')} ms (the buyers' HTTP clients run in this process)`,
    );
    report({
      bench: 'payments',
      paid_orders: urls.length,
      paid_per_s: round(perS, 1),
      splits_done_s: round(wallS, 2),
      p50_ms: round(percentile(lat, 50), 1),
      p99_ms: round(percentile(lat, 99), 1),
      server_cpu_ms_per_order: perOrder('server'),
      sim_cpu_ms_per_order: perOrder('sim'),
    });
    till.db.close();
  } finally {
    await server.stop();
    await sim.stop();
  }
}

await main();
