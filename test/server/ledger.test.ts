// The ledger: templates balance, posting is idempotent and append-only, and — property-tested with
// fast-check on both dialects — random sequences of business events give balanced entries, balances
// equal to the sum of their postings, and nothing the no-secondary-clearing query can find.
// Replay a failure with MT_SEED=<seed printed by fast-check>.
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src-server/audit/audit';
import { CHART } from '../../src-server/ledger/chart';
import { buildPostings, postEntryTx, type LedgerEvent } from '../../src-server/ledger/post';
import { balances, secondaryClearingViolations, unbalancedEntries } from '../../src-server/ledger/queries';
import { TEMPLATES, TXN_TYPES, type TxnType } from '../../src-server/ledger/templates';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

const seed = process.env.MT_SEED ? Number(process.env.MT_SEED) : undefined;
const DAY = '20260315';

const eventArb = (stalls: string[], buyers: string[]): fc.Arbitrary<Omit<LedgerEvent, 'idem_key'>> =>
  fc
    .record({
      txn_type: fc.constantFrom(...TXN_TYPES),
      stall: fc.constantFrom(...stalls),
      buyer: fc.constantFrom(...buyers),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      feeBp: fc.integer({ min: 0, max: 10_000 }),
    })
    .map(({ txn_type, stall, buyer, amount, feeBp }) => {
      const t = TEMPLATES[txn_type];
      return {
        txn_type,
        business_day: DAY,
        stall_id: stall,
        buyer_id: 'buyer' in t ? buyer : null,
        amount_fen: amount,
        fee_fen: 'fee' in t ? Math.floor((amount * feeBp) / 10_000) : undefined,
      };
    });

describe('templates', () => {
  it('name only chart accounts, and every template balances per book for any amount and fee', () => {
    const codes = new Set(CHART.map((a) => a.code));
    for (const t of Object.values(TEMPLATES))
      for (const leg of t.legs) expect(codes.has(leg.code)).toBe(true);
    fc.assert(
      fc.property(eventArb(['S01'], ['B1']), (ev) => {
        const ps = buildPostings({ ...ev, idem_key: 'k' });
        for (const book of ['memo', 'gl'])
          expect(ps.filter((p) => p.book === book).reduce((a, p) => a + p.amount_fen, 0)).toBe(0);
      }),
      { numRuns: 500, seed },
    );
  });

  it('market cash accounts appear only in templates that credit the same amount to fee income', () => {
    for (const [name, t] of Object.entries(TEMPLATES)) {
      const cashIn = t.legs.filter((l) => ['1001', '1012'].includes(l.code) && l.side === 'debit');
      for (const leg of cashIn)
        expect(
          t.legs.some(
            (l) => ['6051', '1122'].includes(l.code) && l.side === 'credit' && l.amount === leg.amount,
          ),
          name,
        ).toBe(true);
    }
  });
});

describeEachDialect('ledger', (dialect) => {
  const s = useTestServer(dialect);

  it('is idempotent per key: created, exists, exists_with_different_payload', async () => {
    const { db } = s().fresh;
    const ev: LedgerEvent = {
      idem_key: 'idem-1',
      txn_type: 'sale_cash',
      business_day: DAY,
      stall_id: 'S01',
      amount_fen: 1200,
    };
    const a = await postEntryTx(db, ev, 1);
    expect(a.status).toBe('created');
    expect(await postEntryTx(db, ev, 2)).toEqual({ status: 'exists', entry_id: a.entry_id });
    await expect(postEntryTx(db, { ...ev, amount_fen: 1300 }, 3)).rejects.toMatchObject({
      code: 'exists_with_different_payload',
    });
    const n = await db
      .selectFrom('ledger_posting')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entry_id', '=', a.entry_id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('refuses to update or delete postings and entries (append-only)', async () => {
    const { db } = s().fresh;
    await expect(sql`update ledger_posting set amount_fen = 0`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_entry`.execute(db)).rejects.toThrow(/append-only/);
    await audit(
      db,
      { staffId: 'U01', action: 'test', target: null, detail: null, ip: '127.0.0.1' },
      Date.now(),
    );
    await expect(sql`update audit_log set action = 'other'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('random business events: balanced entries, balances = sum of postings, no secondary clearing', async () => {
    const { db } = s().fresh;
    const model = new Map<string, number>();
    for (const b of await balances(db)) model.set(b.account_id, b.balance_fen);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(eventArb(['S01', 'S02'], ['B1', 'B2']), fc.boolean()), {
          minLength: 1,
          maxLength: 25,
        }),
        async (events) => {
          run++;
          let i = 0;
          for (const [ev, replay] of events) {
            const full: LedgerEvent = { ...ev, idem_key: `p${run}-${i++}` };
            expect((await postEntryTx(db, full, Date.now())).status).toBe('created');
            for (const p of buildPostings(full))
              model.set(p.account_id, (model.get(p.account_id) ?? 0) + p.amount_fen);
            // A retried delivery of the same event changes nothing.
            if (replay) expect((await postEntryTx(db, full, Date.now())).status).toBe('exists');
          }
          const actual = new Map((await balances(db)).map((b) => [b.account_id, b.balance_fen]));
          expect(actual).toEqual(model);
          expect(await unbalancedEntries(db)).toEqual([]);
          expect(await secondaryClearingViolations(db)).toEqual([]);
        },
      ),
      { numRuns: dialect === 'postgres' ? 30 : 50, seed },
    );
  }, 60_000);

  it('the no-secondary-clearing query finds a stall’s money landing in market cash', async () => {
    const { db } = s().fresh;
    // What a 二清 flow would book: the whole payment into the market's account, to be paid out later.
    await db
      .insertInto('ledger_entry')
      .values({
        id: 'BAD1',
        idem_key: 'bad-1',
        txn_type: 'collect_for_stall',
        digest: 'x',
        business_day: DAY,
        stall_id: 'S01',
        ref: null,
        created_ms: 1,
      })
      .execute();
    await db
      .insertInto('ledger_account')
      .values({
        id: 'gl:2241',
        chart_code: '2241',
        book: 'gl',
        stall_id: null,
        buyer_id: null,
        created_ms: 1,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('ledger_account')
      .values({
        id: 'gl:1012',
        chart_code: '1012',
        book: 'gl',
        stall_id: null,
        buyer_id: null,
        created_ms: 1,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('ledger_posting')
      .values([
        {
          entry_id: 'BAD1',
          posting_no: 1,
          account_id: 'gl:1012',
          book: 'gl',
          chart_code: '1012',
          amount_fen: 10_000,
        },
        {
          entry_id: 'BAD1',
          posting_no: 2,
          account_id: 'gl:2241',
          book: 'gl',
          chart_code: '2241',
          amount_fen: -10_000,
        },
      ])
      .execute();
    expect(await secondaryClearingViolations(db)).toEqual([
      {
        entry_id: 'BAD1',
        txn_type: 'collect_for_stall',
        account_id: 'gl:1012',
        amount_fen: 10_000,
        fee_share_fen: 0,
      },
    ]);
    const r = await s().call('finance', 'GET', '/api/v1/admin/ledger/invariants');
    expect(r.body).toMatchObject({ ok: false, secondary_clearing: [{ entry_id: 'BAD1' }] });
  });

  it('posts business events through the API; a split takes the fee schedule’s commission', async () => {
    await s().call('finance', 'PUT', '/api/v1/admin/fees', {
      rules: [{ stall_id: null, kind: 'trade_commission', rate_bp: 30, fixed_fen: 0 }],
    });
    const post = (body: Record<string, unknown>) =>
      s().call('finance', 'POST', '/api/v1/admin/ledger/events', {
        business_day: DAY,
        stall_id: 'S03',
        ...body,
      });
    expect((await post({ idem_key: 'o1-sale', txn_type: 'sale_qr', amount_fen: 10_000 })).status).toBe(200);
    expect(
      (await post({ idem_key: 'o1-paid', txn_type: 'payment_success', amount_fen: 10_000 })).status,
    ).toBe(200);
    expect((await post({ idem_key: 'o1-split', txn_type: 'split', amount_fen: 10_000 })).body).toMatchObject({
      status: 'created',
    });
    expect((await post({ idem_key: 'o1-split', txn_type: 'split', amount_fen: 10_000 })).body).toMatchObject({
      status: 'exists',
    });
    expect((await post({ idem_key: 'o1-settle', txn_type: 'settlement', amount_fen: 9_970 })).status).toBe(
      200,
    );
    expect((await post({ idem_key: 'bad', txn_type: 'sale_credit', amount_fen: 10 })).status).toBe(400);
    const b = (await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/ledger/balances')).status;
    expect(b).toBe(200);
    const bal = (await s().call('finance', 'GET', '/api/v1/admin/ledger/balances?stall_id=S03')).body as {
      balances: { account_id: string; balance_fen: number }[];
    };
    const of = (id: string) => bal.balances.find((x) => x.account_id === id)?.balance_fen;
    expect(of('memo:M1102:S03')).toBe(0);
    expect(of('memo:M1201:S03')).toBe(0);
    expect(of('memo:M6101:S03')).toBe(30);
    expect(of('memo:M1203:S03')).toBe(9_970);
    expect(of('memo:M5001:S03')).toBe(-10_000);
  });

  it('serves the chart and the templates for finance to read', async () => {
    const chart = await s().call('finance', 'GET', '/api/v1/admin/ledger/chart');
    expect((chart.body as { accounts: unknown[] }).accounts).toHaveLength(CHART.length);
    const t = await s().call('finance', 'GET', '/api/v1/admin/ledger/templates');
    expect(Object.keys((t.body as { templates: Record<string, unknown> }).templates).sort()).toEqual(
      [...TXN_TYPES].sort() as TxnType[],
    );
  });
});
