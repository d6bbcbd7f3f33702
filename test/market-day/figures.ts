/**
 * Every figure the checks compare, each read from its own source: the tills' Z reports and journals, the
 * server's projections (its database, read only), the admin API as a staff user (dashboard, end of day,
 * stall day, settlement, fee income, ledger, reconciliation), and the institution (payouts, its ledger).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TenderKind } from '../../shared/journal/entries';
import type { TenderStatus } from '../../shared/sales/outcome';
import {
  emptyTakings,
  takingsOf,
  walletOf,
  type Takings,
  type TakingsRefund,
  type TakingsTender,
} from '../../shared/sales/takings';
import type { ZReport } from '../../shared/sales/z-report';
import type { VerifyResult } from '../../src-main/journal/journal';
import { verifyDataDir } from '../../src-main/journal/verify-file';
import { loadSimSettings } from '../../src-server/payments/config';
import type { StaffClient } from '../../bin/cli/staff-client';
import type { ClosedDay } from './close';
import type { Stall } from './stall';
import type { World } from './world';

export interface StallFigures {
  stall: Stall;
  z: ZReport;
  /** the server's projection of this stall's day (its sale, tender, refund and payment tables) counted by the shared definition */
  projected: Takings;
  stall_day: {
    sales_count: number;
    gross_fen: number;
    refunds_count: number;
    refunds_fen: number;
    differences: string[];
  };
  totals_by_tender: Record<string, number>;
  /** the server's own report of the stall's takings (the admin API's daily totals) */
  server_report: Takings;
  dashboard: { sales: number; total_fen: number };
  end_of_day: {
    z_gross_fen: number | null;
    z_sales: number | null;
    server_gross_fen: number;
    differences: string[];
  };
  ledger: Record<string, number>;
  settlement: {
    gross_fen: number;
    refund_fen: number;
    channel_fee_fen: number;
    market_fee_fen: number;
    net_fen: number;
    inst_gross_fen: number | null;
    inst_refund_fen: number | null;
    inst_fee_fen: number | null;
    inst_net_fen: number | null;
  };
  payout_fen: number;
  journal: VerifyResult;
  /** printer stalls: print jobs the till holds by state, and the jobs the printer emulator received */
  printing: { done: number; waiting: number; failed: number; received: number } | null;
}

export interface MarketFigures {
  stalls: StallFigures[];
  dashboard_by_wallet: Record<string, number>;
  fee_income_fen: number;
  market_payout_fen: number;
  recon: {
    open: number;
    resolved: number;
    reconciled: boolean;
    items: { kind: string; status: string; inst_amount_fen: number | null; plat_amount_fen: number | null }[];
  };
  receipts: { n: number; distinct: number };
  sync_flags: number;
  invariants: { ok: boolean; secondary_clearing: unknown[] };
  sim_ledger: { balanced: boolean };
}

type Row = Record<string, unknown>;

/** Takings (shared/sales/takings.ts) of sale, tender and refund rows: `sales` (id, total_fen, status), `tenders` (sale_id, kind, amount_fen, status, wallet), `refunds` (refund_id, kind, amount_fen). */
function takingsFrom(sales: Row[], tenders: Row[], refunds: Row[]): Takings {
  const bySale = new Map<string, TakingsTender[]>();
  for (const t of tenders) {
    const list = bySale.get(String(t.sale_id)) ?? [];
    list.push({
      kind: t.kind as TenderKind,
      amount_fen: Number(t.amount_fen),
      status: t.status as TenderStatus,
      wallet: walletOf(t.wallet as string | null),
    });
    bySale.set(String(t.sale_id), list);
  }
  const byRefund = new Map<string, TakingsRefund['tenders'][number][]>();
  for (const r of refunds) {
    const list = byRefund.get(String(r.refund_id)) ?? [];
    list.push({ kind: r.kind as TenderKind, amount_fen: Number(r.amount_fen) });
    byRefund.set(String(r.refund_id), list);
  }
  return takingsOf(
    sales.map((x) => ({
      total_fen: Number(x.total_fen),
      voided: x.status === 'voided',
      tenders: bySale.get(String(x.id)) ?? [],
    })),
    [...byRefund.values()].map((t) => ({ tenders: t })),
  );
}

/**
 * Receipts the printer emulator received, one per print job: an on-account sale prints its two
 * copies as one job with a cut between them, which the emulator decodes as two, so the stall's
 * copy (存根联) is not counted again.
 */
function receiptsReceived(st: Stall): number {
  return (st.printer?.jobs ?? []).filter((j) => !j.lines.some((l) => l.includes('存根联'))).length;
}

function printingOf(st: Stall): NonNullable<StallFigures['printing']> {
  const by = new Map(
    (
      st.core.db.prepare('SELECT state, COUNT(*) AS n FROM print_job GROUP BY state').all() as {
        state: string;
        n: number;
      }[]
    ).map((r) => [r.state, r.n]),
  );
  return {
    done: by.get('done') ?? 0,
    waiting: (by.get('queued') ?? 0) + (by.get('printing') ?? 0),
    failed: by.get('failed') ?? 0,
    received: receiptsReceived(st),
  };
}

const sumBy = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((a, x) => a + f(x), 0);

export async function readFigures(
  w: World,
  stalls: Stall[],
  closed: ClosedDay,
  serverDir: string,
  staff: StaffClient,
): Promise<MarketFigures> {
  const day = closed.business_day;
  const server = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
  try {
    const totals = await staff.call<{
      stalls: { stall_id: string; by_tender: Record<string, number>; takings: Takings }[];
    }>('GET', `/api/v1/admin/totals/daily?business_day=${day}`);
    const dash = await staff.call<{
      stalls: { stall_id: string; sales: number; total_fen: number }[];
      by_wallet: Record<string, number>;
    }>('GET', `/api/v1/admin/dashboard?business_day=${day}`);
    const eod = await staff.call<{
      stalls: {
        stall_id: string;
        terminals: {
          server: { gross_fen: number };
          z_report: { sales_count: number | null; gross_fen: number | null } | null;
          differences: string[];
        }[];
      }[];
    }>('GET', `/api/v1/admin/days/${day}`);
    const { merchants: settleRows } = await staff.call<{
      merchants: (StallFigures['settlement'] & { stall_id: string })[];
    }>('GET', `/api/v1/admin/settlement/${day}`);
    const fees = await staff.call<{ rows: { income_fen: number }[] }>(
      'GET',
      `/api/v1/admin/fee-income?from=${day}&to=${day}`,
    );
    const recon = await staff.call<MarketFigures['recon']>(
      'GET',
      `/api/v1/admin/recon/days/${closed.bill_date}`,
    );
    const flags = await staff.call<{ refused: unknown[]; flagged: unknown[] }>(
      'GET',
      '/api/v1/admin/sync/flags',
    );
    const invariants = await staff.call<MarketFigures['invariants']>(
      'GET',
      '/api/v1/admin/ledger/invariants',
    );
    const { payouts } = await w.sim.control<{ payouts: { party: string; amount_fen: number }[] }>(
      'GET',
      '/payouts',
    );
    const simLedger = await w.sim.control<{ balanced: boolean }>('GET', '/ledger');
    const marketMchid = loadSimSettings(w.simDir).sp_mchid;
    const out: StallFigures[] = [];
    for (const st of stalls) {
      const id = st.setup.stall_id;
      const z = closed.z.get(id);
      if (!z) throw new Error(`no Z report from stall ${id}`);
      const sd = await staff.call<{
        terminals: { server: StallFigures['stall_day']; differences: string[] }[];
      }>('GET', `/api/v1/admin/stalls/${id}/days/${day}`);
      const lb = await staff.call<{ balances: { chart_code: string; balance_fen: number }[] }>(
        'GET',
        `/api/v1/admin/stalls/${id}/ledger/balances`,
      );
      const ledger: Record<string, number> = {};
      for (const b of lb.balances) ledger[b.chart_code] = (ledger[b.chart_code] ?? 0) + b.balance_fen;
      const e = eod.stalls.find((x) => x.stall_id === id);
      const projected = takingsFrom(
        server
          .prepare('SELECT id, total_fen, status FROM sale WHERE stall_id = ? AND business_day = ?')
          .all(id, day) as Row[],
        server
          .prepare(
            `SELECT t.sale_id, t.kind, t.amount_fen, t.status, o.channel AS wallet FROM sale_tender t JOIN sale s ON s.id = t.sale_id
             LEFT JOIN payment_order o ON o.sale_id = t.sale_id AND o.tender_no = t.tender_no AND o.state = 'succeeded'
             WHERE s.stall_id = ? AND s.business_day = ?`,
          )
          .all(id, day) as Row[],
        server
          .prepare(
            'SELECT r.id AS refund_id, t.kind, rt.amount_fen FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id JOIN sale_tender t ON t.sale_id = r.sale_id AND t.tender_no = rt.tender_no WHERE r.stall_id = ? AND r.business_day = ?',
          )
          .all(id, day) as Row[],
      );
      const terms = sd.terminals;
      const srow = settleRows.find((x) => x.stall_id === id);
      out.push({
        stall: st,
        z,
        projected,
        stall_day: {
          sales_count: sumBy(terms, (t) => t.server.sales_count),
          gross_fen: sumBy(terms, (t) => t.server.gross_fen),
          refunds_count: sumBy(terms, (t) => t.server.refunds_count),
          refunds_fen: sumBy(terms, (t) => t.server.refunds_fen),
          differences: terms.flatMap((t) => t.differences),
        },
        totals_by_tender: totals.stalls.find((x) => x.stall_id === id)?.by_tender ?? {},
        server_report: totals.stalls.find((x) => x.stall_id === id)?.takings ?? emptyTakings(),
        dashboard: dash.stalls.find((x) => x.stall_id === id) ?? { sales: 0, total_fen: 0 },
        end_of_day: {
          z_gross_fen: e ? sumBy(e.terminals, (t) => t.z_report?.gross_fen ?? 0) : null,
          z_sales: e ? sumBy(e.terminals, (t) => t.z_report?.sales_count ?? 0) : null,
          server_gross_fen: e ? sumBy(e.terminals, (t) => t.server.gross_fen) : 0,
          differences: e ? e.terminals.flatMap((t) => t.differences) : ['stall missing from end of day'],
        },
        ledger,
        settlement: srow ?? {
          gross_fen: 0,
          refund_fen: 0,
          channel_fee_fen: 0,
          market_fee_fen: 0,
          net_fen: 0,
          inst_gross_fen: null,
          inst_refund_fen: null,
          inst_fee_fen: null,
          inst_net_fen: null,
        },
        payout_fen: sumBy(
          payouts.filter((p) => p.party === st.setup.sub_mchid),
          (p) => p.amount_fen,
        ),
        journal: verifyDataDir(st.dir),
        printing: st.printer ? printingOf(st) : null,
      });
    }
    const receipts = server
      .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT receipt_no) AS distinct_n FROM sale')
      .get() as { n: number; distinct_n: number };
    return {
      stalls: out,
      dashboard_by_wallet: dash.by_wallet,
      fee_income_fen: sumBy(fees.rows, (r) => r.income_fen),
      market_payout_fen: sumBy(
        payouts.filter((p) => p.party === marketMchid),
        (p) => p.amount_fen,
      ),
      recon,
      receipts: { n: receipts.n, distinct: receipts.distinct_n },
      sync_flags: flags.refused.length + flags.flagged.length,
      invariants,
      sim_ledger: simLedger,
    };
  } finally {
    server.close();
  }
}
