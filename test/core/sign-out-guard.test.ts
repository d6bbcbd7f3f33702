// Signing out, updating or wiping with journal entries the server has not acknowledged needs a
// manager's PIN, and the refusal says how many: through the contract's envelope, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PIN_FAILURES, TillSession } from '../../src-main/cashiers/session';
import { verifyJournal } from '../../src-main/journal/journal';
import { PrintQueue } from '../../src-main/print/print-queue';
import { dispatch, type HandlerMap } from '../../src-main/rpc/registry';
import { completeSale } from '../../src-main/sales/complete-sale';
import { setSetting } from '../../src-main/store/settings';
import { approveAtRiskInFolder, unsyncedEntries } from '../../src-main/sync/at-risk';
import { tillHandlers } from '../../src-main/till-handlers';
import { fakeHandlers } from '../helpers/fake-handlers';
import { openTill, pieces, type Till } from '../helpers/till';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
let till: Till;
let session: TillSession;
let handlers: HandlerMap;
let nowMs = T0;

beforeEach(() => {
  till = openTill();
  session = new TillSession(till.db);
  handlers = fakeHandlers(
    tillHandlers({
      db: till.db,
      who: till.who,
      session,
      printQueue: new PrintQueue(till.db, null),
      changed: () => {},
      now: () => nowMs,
    }),
  );
});
afterEach(() => till.close());

const call = (name: 'cashier-signin' | 'cashier-signout', input: object) => dispatch(handlers, name, input);
const lastSeq = (): number => (till.db.prepare('SELECT MAX(seq) AS s FROM journal').get() as { s: number }).s;
const lastEntry = () =>
  till.db.prepare('SELECT type, payload FROM journal ORDER BY seq DESC LIMIT 1').get() as {
    type: string;
    payload: string;
  };

async function signedInWithASale(): Promise<number> {
  expect(await call('cashier-signin', { pin: '1234' })).toMatchObject({ ok: true });
  completeSale(
    till.db,
    till.who,
    till.cashier,
    { lines: [pieces('P-GAR', 1)], sale_discount_fen: 0, tenders: [{ kind: 'cash', tendered_fen: 2000 }] },
    T0,
  );
  return unsyncedEntries(till.db).unsynced;
}

describe('signing out with unsynced entries', () => {
  it('is refused without a manager PIN, and the refusal carries the count', async () => {
    const unsynced = await signedInWithASale();
    expect(unsynced).toBeGreaterThan(0);
    const seq = lastSeq();
    const r = await call('cashier-signout', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'manager_required',
        message: expect.stringContaining(`${unsynced} journal entries`),
        details: { unsynced, oldest_unsynced_ms: expect.any(Number) },
      },
    });
    expect(session.cashier?.id).toBe('C-001');
    expect(lastSeq()).toBe(seq);
  });

  it('refuses a PIN that is not a manager’s and changes nothing', async () => {
    const unsynced = await signedInWithASale();
    const seq = lastSeq();
    for (const pin of ['1234', '0000', 'abcd']) {
      expect(await call('cashier-signout', { manager_pin: pin })).toMatchObject({
        ok: false,
        error: { code: 'wrong_pin', details: { unsynced } },
      });
    }
    expect(session.cashier?.id).toBe('C-001');
    expect(lastSeq()).toBe(seq);
  });

  it('signs out with a manager’s PIN and journals who approved and how many were at risk', async () => {
    const unsynced = await signedInWithASale();
    expect(await call('cashier-signout', { manager_pin: '8888' })).toEqual({
      ok: true,
      value: { unsynced, approved_by: 'C-MGR' },
    });
    expect(session.cashier).toBeNull();
    const e = lastEntry();
    expect(e.type).toBe('cashier.signed_out');
    expect(JSON.parse(e.payload)).toEqual({ cashier_id: 'C-001', unsynced, approved_by: 'C-MGR' });
    expect(verifyJournal(till.db)).toMatchObject({ ok: true });
  });

  it('locks out after repeated wrong manager PINs, as sign-in does', async () => {
    await signedInWithASale();
    for (let i = 0; i < MAX_PIN_FAILURES; i++) await call('cashier-signout', { manager_pin: '0000' });
    expect(await call('cashier-signout', { manager_pin: '8888' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_pin', message: expect.stringContaining('too many') },
    });
    nowMs = T0 + 61_000;
    expect(await call('cashier-signout', { manager_pin: '8888' })).toMatchObject({ ok: true });
    nowMs = T0;
  });
});

describe('with everything synced', () => {
  it('signs out freely, as before', async () => {
    await signedInWithASale();
    setSetting(till.db, 'acked_seq', String(lastSeq()));
    expect(await call('cashier-signout', {})).toEqual({
      ok: true,
      value: { unsynced: 0, approved_by: null },
    });
    expect(session.cashier).toBeNull();
    expect(JSON.parse(lastEntry().payload)).toEqual({ cashier_id: 'C-001', unsynced: 0, approved_by: null });
  });
});

describe('updating a till whose core is stopped', () => {
  it('asks the same guard: refused with the count, allowed with a manager’s PIN or once synced', async () => {
    const unsynced = await signedInWithASale();
    till.close();
    expect(approveAtRiskInFolder(till.dir, 'update', undefined)).toMatchObject({
      ok: false,
      unsynced,
      reason: expect.stringContaining('updating the till needs a manager'),
    });
    expect(approveAtRiskInFolder(till.dir, 'update', '1234')).toMatchObject({ ok: false, unsynced });
    expect(approveAtRiskInFolder(till.dir, 'update', '8888')).toMatchObject({
      ok: true,
      approval: { unsynced, approved_by: { id: 'C-MGR' } },
    });
    till = openTill({ dir: till.dir });
    setSetting(till.db, 'acked_seq', '999999');
    till.close();
    expect(approveAtRiskInFolder(till.dir, 'update', undefined)).toMatchObject({
      ok: true,
      approval: { unsynced: 0, approved_by: null },
    });
    till = openTill({ dir: till.dir });
  });
});
