// Journal projections on both dialects: sales by tender into the ledger, QR tenders that fail, refunds,
// voids, shifts, day close with the Z report compared to the server's totals, buyer balances in the
// terminal config, and unknown or unreadable entries stored with a flag.
import { expect, it } from 'vitest';
import { balances } from '../../src-server/ledger/queries';
import { ingestBatch } from '../../src-server/sync/ingest';
import { terminalConfig } from '../../src-server/terminals/terminals';
import { createTerminal } from '../../src-server/terminals/terminals';
import { describeEachDialect } from './helpers/dialects';
import { JournalBuilder, cashSale } from './helpers/journal';
import { useTestServer } from './helpers/server';

const DAY = '20260315';

describeEachDialect('journal projections', (dialect) => {
  const s = useTestServer(dialect);

  it('projects a day of a till into tables, ledger and reports', async () => {
    const { db } = s().fresh;
    const t = await createTerminal(db, 'S01', 'proj till', Date.now());
    const term = { id: t.terminal_id, stall_id: 'S01' };
    const buyer = (
      await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/buyers', {
        name: '赊账客',
        credit_limit_fen: 100_000,
      })
    ).body as { id: string };
    const j = new JournalBuilder();
    const entries = [
      j.next('shift.opened', { shift_id: 'SH1', cashier_id: 'C1', business_day: DAY, float_fen: 20_000 }),
      j.next('sale.completed', cashSale('A1', `${t.terminal_id}-${DAY}-0001`, DAY, [300, 768])),
      j.next(
        'sale.completed',
        cashSale('A2', `${t.terminal_id}-${DAY}-0002`, DAY, [5_000], { kind: 'qr', status: 'pending' }),
      ),
      j.next('tender.updated', {
        sale_id: 'A2',
        tender_no: 1,
        status: 'failed',
        external_ref: null,
        sale_status: 'pending',
      }),
      j.next(
        'sale.completed',
        cashSale('A3', `${t.terminal_id}-${DAY}-0003`, DAY, [12_000], {
          kind: 'account',
          buyer_id: buyer.id,
        }),
      ),
      j.next('refund.created', {
        refund_id: 'R1',
        refund_no: 'R-0001',
        sale_id: 'A3',
        business_day: DAY,
        cashier_id: 'C1',
        approved_by: 'M1',
        amount_fen: 2_000,
        reason: '烂了',
        lines: [{ line_no: 1, quantity: 100, amount_fen: 2_000 }],
        tenders: [{ tender_no: 1, kind: 'account', amount_fen: 2_000 }],
      }),
      j.next('sale.voided', {
        void_id: 'V1',
        business_day: DAY,
        cashier_id: 'C1',
        line_count: 2,
        total_fen: 900,
        reason: '顾客不要了',
      }),
      j.next('sale.parked', { parked_id: 'P1', cashier_id: 'C1', line_count: 1, total_fen: 100 }),
      j.next('shift.closed', {
        shift_id: 'SH1',
        cashier_id: 'C1',
        counted_fen: 21_000,
        expected_fen: 21_068,
        over_short_fen: -68,
      }),
      j.next('day.closed', {
        business_day: DAY,
        cashier_id: 'C1',
        z_report: { sales_count: 3, gross_fen: 18_068, refunds: { count: 1, amount_fen: 2_000 } },
      }),
      j.next('mystery.thing', { x: 1 }),
      j.next('refund.created', { refund_id: 'R2', sale_id: 'nope' }),
    ];
    const r = await ingestBatch(db, term, entries, Date.now());
    expect(r).toEqual({ acked_seq: entries.length, applied: entries.length, duplicates: 0 });
    // Re-sending the same batch changes nothing.
    expect(await ingestBatch(db, term, entries, Date.now())).toMatchObject({
      duplicates: entries.length,
      applied: 0,
    });

    const flags = await db
      .selectFrom('journal_entry')
      .select(['seq', 'flag'])
      .where('terminal_id', '=', t.terminal_id)
      .where('flag', 'is not', null)
      .orderBy('seq')
      .execute();
    expect(flags.map((f) => f.seq)).toEqual([11, 12]);
    expect(flags[0]?.flag).toContain('unknown entry type');

    const bal = new Map((await balances(db, { stall_id: 'S01' })).map((b) => [b.account_id, b.balance_fen]));
    expect(bal.get('memo:M1101:S01')).toBe(1_068); // cash in the drawer
    expect(bal.get('memo:M1102:S01')).toBe(0); // the failed QR tender was reversed
    expect(bal.get(`memo:M1103:S01:${buyer.id}`)).toBe(10_000); // on account, less the refund
    expect(bal.get('memo:M5001:S01')).toBe(-1_068 - 12_000);
    expect(bal.get('memo:M5002:S01')).toBe(2_000);

    const day = await s().call('owner1', 'GET', `/api/v1/admin/stalls/S01/days/${DAY}`);
    expect(day.status).toBe(200);
    const body = day.body as {
      terminals: {
        terminal_id: string;
        differences: string[];
        server: { sales_count: number; gross_fen: number };
      }[];
      shifts: { over_short_fen: number }[];
      refunds: unknown[];
      voids: unknown[];
    };
    const mine = body.terminals.find((x) => x.terminal_id === t.terminal_id);
    expect(mine?.server).toMatchObject({ sales_count: 3, gross_fen: 18_068 });
    expect(mine?.differences).toEqual([]);
    expect(body.shifts).toMatchObject([{ over_short_fen: -68 }]);
    expect(body.refunds).toHaveLength(1);
    expect(body.voids).toHaveLength(1);

    const totals = await s().call('finance', 'GET', `/api/v1/admin/totals/daily?business_day=${DAY}`);
    expect(
      (totals.body as { terminals: { terminal_id: string; total_fen: number }[] }).terminals.find(
        (x) => x.terminal_id === t.terminal_id,
      )?.total_fen,
    ).toBe(18_068);

    const config = await terminalConfig(db, t.terminal_id);
    expect(config.buyers).toEqual([
      {
        id: buyer.id,
        name: '赊账客',
        credit_limit_fen: 100_000,
        balance_fen: 10_000,
        as_of_seq: entries.length,
      },
    ]);

    const owed = await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/buyers');
    expect(
      (owed.body as { buyers: { id: string; owed_fen: number; over_limit: boolean }[] }).buyers.find(
        (b) => b.id === buyer.id,
      ),
    ).toMatchObject({ owed_fen: 10_000, over_limit: false });

    const flagged = await s().call('finance', 'GET', '/api/v1/admin/sync/flags');
    expect(JSON.stringify(flagged.body)).toContain('mystery.thing');
  });

  it('a Z report that disagrees with the server is shown with its differences', async () => {
    const { db } = s().fresh;
    const t = await createTerminal(db, 'S01', 'z till', Date.now());
    const j = new JournalBuilder();
    await ingestBatch(
      db,
      { id: t.terminal_id, stall_id: 'S01' },
      [
        j.next('sale.completed', cashSale('Z1', `${t.terminal_id}-${DAY}-0001`, DAY, [1_000])),
        j.next('day.closed', {
          business_day: DAY,
          cashier_id: 'C1',
          z_report: { sales_count: 2, gross_fen: 1_500, refunds: { count: 0, amount_fen: 0 } },
        }),
      ],
      Date.now(),
    );
    const day = (await s().call('finance', 'GET', `/api/v1/admin/stalls/S01/days/${DAY}`)).body as {
      terminals: { terminal_id: string; differences: string[] }[];
    };
    expect(day.terminals.find((x) => x.terminal_id === t.terminal_id)?.differences).toEqual([
      'sales_count: terminal 2, server 1',
      'gross_fen: terminal 1500, server 1000',
    ]);
  });

  it('refuses a gap, a fork and an altered entry, and flags them', async () => {
    const { db } = s().fresh;
    const t = await createTerminal(db, 'S01', 'chain till', Date.now());
    const term = { id: t.terminal_id, stall_id: 'S01' };
    const j = new JournalBuilder();
    const [e1, e2, e3] = [
      j.next('sale.parked', { parked_id: 'p', cashier_id: 'c', line_count: 1, total_fen: 1 }),
      j.next('sale.resumed', { parked_id: 'p', cashier_id: 'c' }),
      j.next('sale.resumed', { parked_id: 'p', cashier_id: 'c' }),
    ];
    await expect(ingestBatch(db, term, [e1!, e3!], Date.now())).rejects.toMatchObject({
      code: 'journal_gap',
    });
    await expect(
      ingestBatch(db, term, [e1!, { ...e2!, payload: '{"parked_id":"q","cashier_id":"c"}' }], Date.now()),
    ).rejects.toMatchObject({ code: 'journal_altered' });
    expect(await ingestBatch(db, term, [e1!, e2!], Date.now())).toMatchObject({ acked_seq: 2 });
    await expect(ingestBatch(db, term, [{ ...e2!, hash: 'f'.repeat(64) }], Date.now())).rejects.toMatchObject(
      { code: 'journal_fork' },
    );
    const kinds = await db
      .selectFrom('sync_flag')
      .select('kind')
      .where('terminal_id', '=', t.terminal_id)
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['journal_altered', 'journal_fork', 'journal_gap']);
  });
});
