// Kill-between-commit-and-answer child: commits one sale under the client's sale id, says so, and never answers.
import { findByPin } from '../../src-main/cashiers/cashier-store';
import { completeSale } from '../../src-main/sales/complete-sale';
import { openTerminalDb } from '../../src-main/store/db';
import { loadIdentity } from '../../src-main/sync/identity';

const [dir, saleId, productId = 'P-GAR'] = process.argv.slice(2);
if (!dir || !saleId) throw new Error('usage: sale-id-child DIR SALE_ID [PRODUCT_ID]');
const db = openTerminalDb(dir);
const who = loadIdentity(db);
const cashier = findByPin(db, '1234');
if (!who || !cashier) throw new Error('till not prepared');
completeSale(
  db,
  who,
  cashier,
  {
    sale_id: saleId,
    lines: [{ product_id: productId, entry: { kind: 'count', count: 2 }, discount_fen: 0 }],
    sale_discount_fen: 0,
    tenders: [{ kind: 'cash', tendered_fen: 50_000 }],
  },
  Date.now(),
);
// Committed; the answer to the UI would go out now — the test kills the process here.
process.stdout.write('ready\n');
setInterval(() => undefined, 1000);
