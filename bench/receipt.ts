/**
 * receipt: (1) receipts laid out and encoded to ESC/POS per second, against a
 * baseline measured in the same run — GB18030-encoding the same receipt's
 * text alone, the least any encoder must do; (2) time from "sale completed"
 * (the print job stored in SQLite, WAL + synchronous=FULL) to the last byte
 * of the receipt decoded by the TCP 9100 printer emulator on loopback, through
 * the real print queue and driver (connect, DLE EOT 1–4, job, GS r 1 reply).
 */
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { layoutReceipt } from '../shared/receipt/layout';
import { renderReceiptText } from '../shared/receipt/preview';
import { SAMPLE_CASH_RECEIPT, SAMPLE_QR_RECEIPT } from '../shared/receipt/samples';
import { createPrinter } from '../src-main/devices/printer/driver';
import { encodeReceipt } from '../src-main/devices/printer/escpos';
import { PROFILES } from '../src-main/devices/printer/profiles';
import { tcpTransport } from '../src-main/devices/printer/transport-tcp';
import { PrintQueue } from '../src-main/print/print-queue';
import { migrate } from '../src-main/store/db';
import * as m001 from '../src-main/store/migrations/001-init';
import { startPrinterEmulator } from '../test/emulators/printer/emulator';
import { median, percentile, report, round } from './lib/stats';

const ENCODE_ROUNDS = 5;
const ENCODE_ROUND_MS = 300;
const PRINTS = 300;
const WARMUP_PRINTS = 20;

const docs = [SAMPLE_CASH_RECEIPT, SAMPLE_QR_RECEIPT];
const profile = PROFILES['generic-58'];

function perSecond(work: (i: number) => void): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ENCODE_ROUND_MS) work(n++);
  return n / ((performance.now() - t0) / 1000);
}

// (1) encoding, alternating rounds with the baseline so machine noise hits both alike.
const texts = docs.map((d) => renderReceiptText(layoutReceipt(d, 58)));
const encodeRates: number[] = [];
const baseRates: number[] = [];
let bytes = 0;
for (let r = 0; r < ENCODE_ROUNDS; r++) {
  encodeRates.push(
    perSecond(
      (i) =>
        (bytes = encodeReceipt(layoutReceipt(docs[i % 2]!, 58), profile, { kickDrawer: i % 2 === 0 }).length),
    ),
  );
  baseRates.push(perSecond((i) => iconv.encode(texts[i % 2]!, 'gb18030')));
}
const receiptsPerS = median(encodeRates);
const basePerS = median(baseRates);
console.log(
  `layout + ESC/POS encode: ${Math.round(receiptsPerS)} receipts/s (median of ${ENCODE_ROUNDS} rounds, ${bytes} bytes for the last one, 58 mm, native QR)`,
);
console.log(
  `baseline, GB18030 text only: ${Math.round(basePerS)} receipts/s; ratio ${round(receiptsPerS / basePerS, 3)}`,
);

// (2) sale completed → last byte at the printer.
const dir = mkdtempSync(join(tmpdir(), 'bench-receipt-'));
const db = new Database(join(dir, 'terminal.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
migrate(db, [m001]);
let lastJobAt = 0;
const emu = await startPrinterEmulator({ onJob: () => (lastJobAt = performance.now()) });
const printer = createPrinter({ connect: tcpTransport({ host: emu.host, port: emu.port }), profile });
const queue = new PrintQueue(db, printer, () => {}, {});
const latencies: number[] = [];
for (let i = 0; i < WARMUP_PRINTS + PRINTS; i++) {
  const doc = { ...docs[i % 2]!, receipt_no: `T01-${String(i).padStart(6, '0')}` };
  const t0 = performance.now();
  const id = queue.enqueue(doc);
  const outcome = await queue.print(id);
  if (!outcome.printed) throw new Error(`receipt ${i} did not print: ${outcome.error}`);
  if (i >= WARMUP_PRINTS) latencies.push(lastJobAt - t0);
}
queue.stop();
await emu.close();
db.close();
rmSync(dir, { recursive: true, force: true });
latencies.sort((a, b) => a - b);
const p50 = percentile(latencies, 50);
const p95 = percentile(latencies, 95);
console.log(
  `sale completed → last byte at the emulated printer: p50 ${round(p50)} ms, p95 ${round(p95)} ms, max ${round(latencies.at(-1) ?? NaN)} ms over ${PRINTS} receipts (after ${WARMUP_PRINTS} warm-up), goal p95 ≤ 50 ms`,
);
report({
  bench: 'receipt',
  receipts_per_s: Math.round(receiptsPerS),
  to_last_byte_p50_ms: round(p50),
  to_last_byte_p95_ms: round(p95),
  baseline_per_s: Math.round(basePerS),
  ratio: round(receiptsPerS / basePerS, 3),
  bytes_per_receipt: bytes,
  prints: PRINTS,
});
