// Crash-test child: sells in a loop and prints each receipt number only after its commit returned.
import { findByPin } from '../../src-main/cashiers/cashier-store';
import { completeSale } from '../../src-main/sales/complete-sale';
import { openTerminalDb } from '../../src-main/store/db';
import { loadIdentity } from '../../src-main/sync/identity';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child DIR');
const db = openTerminalDb(dir);
const who = loadIdentity(db);
const cashier = findByPin(db, '1234');
if (!who || !cashier) throw new Error('till not prepared');
process.stdout.write('ready\n');
let i = 0;
for (;;) {
  i++;
  const s = completeSale(
    db,
    who,
    cashier,
    {
      lines: [
        {
          product_id: 'P-CAB',
          entry: { kind: 'weight', gross_g: 500 + (i % 700), tare_g: 0 },
          discount_fen: 0,
        },
        {
          product_id: 'P-TOM',
          entry: { kind: 'weight', gross_g: 300 + (i % 900), tare_g: 20 },
          discount_fen: 0,
        },
        { product_id: 'P-GAR', entry: { kind: 'count', count: 1 + (i % 3) }, discount_fen: 0 },
      ],
      sale_discount_fen: 0,
      tenders: [{ kind: 'cash', tendered_fen: 100_000 }],
    },
    Date.now(),
  );
  // Synchronous write: the line is out before the next sale starts.
  process.stdout.write(`${s.receipt_no}\n`);
}
