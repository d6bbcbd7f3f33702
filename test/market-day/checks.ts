/**
 * The market day's equalities, to the fen. Each check names its sources and their figures; it holds when
 * every source gives the same number. Times are never checked.
 */
import { TENDER_KINDS, type TenderKind } from '../../shared/journal/entries';
import { takingsDifferences, WALLETS } from '../../shared/sales/takings';
import type { MarketFigures, StallFigures } from './figures';

export interface Check {
  name: string;
  /** the stall it is about, or null for the whole market */
  stall: string | null;
  /** figure per source */
  values: Record<string, number>;
  ok: boolean;
  /** for money checks: the largest difference between two sources (0 when it holds) */
  unexplained_fen: number;
}

const WALLET: readonly TenderKind[] = ['qr', 'payment_code'];

function equal(name: string, stall: string | null, values: Record<string, number>, money = true): Check {
  const xs = Object.values(values);
  const spread = xs.length === 0 ? 0 : Math.max(...xs) - Math.min(...xs);
  return { name, stall, values, ok: spread === 0, unexplained_fen: money ? spread : 0 };
}

/** lo ≤ mid ≤ hi, for the three values in that order (a count, not money). */
function bounded(name: string, stall: string | null, values: Record<string, number>): Check {
  const [lo = 0, mid = 0, hi = 0] = Object.values(values);
  return { name, stall, values, ok: lo <= mid && mid <= hi, unexplained_fen: 0 };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
const led = (f: StallFigures, code: string): number => f.ledger[code] ?? 0;

function stallChecks(f: StallFigures): Check[] {
  const id = f.stall.setup.stall_id;
  const b = f.stall.book;
  const z = f.z;
  const t = z.takings;
  const p = f.projected;
  const out: Check[] = [
    equal(
      'sales rung up',
      id,
      {
        harness: b.sales,
        z_report: z.sales_count,
        server: p.sales_count,
        stall_day: f.stall_day.sales_count,
        dashboard: f.dashboard.sales,
        end_of_day: f.end_of_day.z_sales ?? -1,
      },
      false,
    ),
    equal('sales total (fen)', id, {
      harness: b.gross_fen,
      z_report: z.gross_fen,
      server: p.sales_fen,
      stall_day: f.stall_day.gross_fen,
      dashboard: f.dashboard.total_fen,
      end_of_day_z: f.end_of_day.z_gross_fen ?? -1,
      end_of_day_server: f.end_of_day.server_gross_fen,
    }),
    equal('refunds (fen)', id, {
      harness: b.refunds_fen,
      z_report: z.refunds.amount_fen,
      server: p.refunds.total_fen,
      stall_day: f.stall_day.refunds_fen,
    }),
    equal('voids', id, { harness: b.voids, z_report: z.voids.count }, false),
    equal(
      'end of day differences',
      id,
      { stall_day: f.stall_day.differences.length, end_of_day: f.end_of_day.differences.length, none: 0 },
      false,
    ),
    equal(
      'takings + receivables = sales (Z report)',
      id,
      { differences: takingsDifferences(t).length, none: 0 },
      false,
    ),
    equal(
      'takings + receivables = sales (server)',
      id,
      { differences: takingsDifferences(p).length, none: 0 },
      false,
    ),
  ];
  const r = f.server_report;
  out.push(
    equal('takings (fen)', id, {
      z_report: t.paid.total_fen,
      server_rows: p.paid.total_fen,
      server_report: r.paid.total_fen,
    }),
    equal('receivables (fen)', id, {
      z_report: t.receivable.total_fen,
      server_rows: p.receivable.total_fen,
      server_report: r.receivable.total_fen,
    }),
  );
  for (const k of TENDER_KINDS) {
    const zk = t.by_kind[k];
    const pk = p.by_kind[k];
    const rk = r.by_kind[k];
    out.push(
      equal(`${k} paid (fen)`, id, {
        z_report: zk.paid_fen,
        server_rows: pk.paid_fen,
        server_report: rk.paid_fen,
        daily_totals_by_tender: f.totals_by_tender[k] ?? 0,
      }),
    );
    out.push(
      equal(`${k} receivable (fen)`, id, {
        z_report: zk.receivable_fen,
        server_rows: pk.receivable_fen,
        server_report: rk.receivable_fen,
      }),
    );
    out.push(
      equal(`${k} failed, reversed or closed (fen)`, id, {
        z_report: zk.neither_fen,
        server_rows: pk.neither_fen,
        server_report: rk.neither_fen,
      }),
    );
    out.push(
      equal(`${k} refunded (fen)`, id, {
        z_report: zk.refunded_fen,
        server_rows: pk.refunded_fen,
        server_report: rk.refunded_fen,
      }),
    );
  }
  for (const wallet of WALLETS)
    out.push(
      equal(`${wallet} takings (fen)`, id, {
        z_report: t.paid.by_wallet[wallet],
        server_rows: p.paid.by_wallet[wallet],
        server_report: r.paid.by_wallet[wallet],
      }),
    );
  const zWalletNet = sum(WALLET.map((k) => t.paid.by_kind[k] - t.by_kind[k].refunded_fen));
  const s = f.settlement;
  out.push(
    equal('wallet takings less refunds (fen)', id, {
      z_report: zWalletNet,
      settlement: s.gross_fen - s.refund_fen,
      institution_bill: (s.inst_gross_fen ?? -1) - (s.inst_refund_fen ?? 0),
      // held by the institution for the stall, pending settlement or settled, plus what went to fees
      ledger: led(f, 'M1201') + led(f, 'M1202') + led(f, 'M1203') + led(f, 'M6101') + led(f, 'M6102'),
    }),
    equal('cash in the drawer (fen)', id, {
      z_report: t.paid.by_kind.cash - t.by_kind.cash.refunded_fen,
      ledger: led(f, 'M1101'),
    }),
    equal('owed on account (fen)', id, {
      z_report: t.receivable.account_fen - t.by_kind.account.refunded_fen,
      ledger: led(f, 'M1103'),
    }),
    equal('awaiting the institution (fen)', id, {
      z_report: t.receivable.pending_fen,
      ledger: led(f, 'M1102'),
    }),
    equal('paid to the stall card (fen)', id, {
      settlement_net: s.net_fen,
      institution_net: s.inst_net_fen ?? -1,
      payout: f.payout_fen,
    }),
    equal('journal chain verifies', id, { broken: f.journal.ok ? 0 : 1, none: 0 }, false),
    equal('till errors', id, { errors: b.errors.length, none: 0 }, false),
  );
  if (f.printing) {
    out.push(
      // A job the printer held past the driver's bound (paper out for longer than heldMsMax, as on a
      // loaded machine) ends `failed` — "it may or may not have printed" — for the cashier to
      // reprint; so the printer received every confirmed job, and nothing the queue did not send.
      bounded('receipts printed once each', id, {
        printed_jobs: f.printing.done,
        received_by_printer: f.printing.received,
        printed_or_held: f.printing.done + f.printing.failed,
      }),
      equal(
        'print queue empty after the paper came back',
        id,
        { waiting: f.printing.waiting, none: 0 },
        false,
      ),
    );
  }
  return out;
}

/** The market's business day is the institution's bill day it was reconciled against (one bill per market day). */
export function dayCheck(businessDay: string, billDate: string): Check {
  return equal(
    'business day = bill day',
    null,
    { business_day: Number(businessDay), bill_day: Number(billDate.replaceAll('-', '')) },
    false,
  );
}

export function runChecks(m: MarketFigures): Check[] {
  const out = m.stalls.flatMap(stallChecks);
  const marketFee = sum(m.stalls.map((f) => f.settlement.market_fee_fen));
  for (const wallet of WALLETS)
    out.push(
      equal(`${wallet} takings, whole market (fen)`, null, {
        z_reports: sum(m.stalls.map((f) => f.z.takings.paid.by_wallet[wallet])),
        dashboard: m.dashboard_by_wallet[wallet] ?? 0,
      }),
    );
  out.push(
    equal('market fee income (fen)', null, {
      settlement: marketFee,
      ledger_6051: m.fee_income_fen,
      institution_payout: m.market_payout_fen,
    }),
    equal('institution bill: unexplained differences', null, { open_items: m.recon.open, none: 0 }, false),
    {
      ...equal('institution bill: open difference amounts (fen)', null, {
        open_fen: sum(
          m.recon.items
            .filter((i) => i.status === 'open')
            .map((i) => Math.abs((i.inst_amount_fen ?? 0) - (i.plat_amount_fen ?? 0))),
        ),
        none: 0,
      }),
    },
    equal('receipt numbers unique', null, { receipts: m.receipts.n, distinct: m.receipts.distinct }, false),
    equal('server sync flags', null, { flags: m.sync_flags, none: 0 }, false),
    equal(
      'no secondary clearing',
      null,
      { violations: m.invariants.secondary_clearing.length, ledger_ok: m.invariants.ok ? 0 : 1, none: 0 },
      false,
    ),
    equal('institution ledger balanced', null, { unbalanced: m.sim_ledger.balanced ? 0 : 1, none: 0 }, false),
  );
  return out;
}
