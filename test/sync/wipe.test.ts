// Wiping a till with unsynced entries needs a manager and says how many are at risk; nothing is deleted.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeSale } from '../../src-main/sales/complete-sale';
import { setSetting } from '../../src-main/store/settings';
import { wipeTill } from '../../src-main/sync/wipe';
import { openTill, pieces } from '../helpers/till';

describe('wipe', () => {
  it('refuses without a manager PIN while entries are unsynced, then sets the folder aside', () => {
    const till = openTill();
    completeSale(
      till.db,
      till.who,
      till.cashier,
      { lines: [pieces('P-GAR', 1)], sale_discount_fen: 0, tenders: [{ kind: 'cash', tendered_fen: 2000 }] },
      Date.now(),
    );
    till.close();
    expect(wipeTill(till.dir, undefined, 1)).toMatchObject({
      wiped: false,
      unsynced: 2,
      reason: expect.stringContaining('2 journal entries'),
    });
    expect(wipeTill(till.dir, '1234', 1)).toMatchObject({ wiped: false });
    const r = wipeTill(till.dir, '8888', 1);
    expect(r).toMatchObject({ wiped: true, unsynced: 2, approved_by: 'C-MGR' });
    expect(existsSync(till.dir)).toBe(false);
    expect(existsSync(join(`${till.dir}.wiped-1`, 'terminal.sqlite'))).toBe(true);
  });

  it('needs no PIN when everything reached the server', () => {
    const till = openTill();
    setSetting(till.db, 'acked_seq', '0');
    till.close();
    expect(wipeTill(till.dir, undefined, 2)).toMatchObject({ wiped: true, unsynced: 0 });
  });
});
