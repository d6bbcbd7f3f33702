import { z } from 'zod';
import type { Sim } from '../context';
import { DAY_MS, shanghaiMidnight } from '../clock';
import type { OrderRow } from '../orders/model';
import type { RefundRow } from '../refunds/service';

/** Rows per upload; a market day is split into several uploads beyond this. */
export const MAX_UPLOAD_ROWS = 20_000;

export const UploadBody = z.object({
  bill_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sub_mchid: z
    .string()
    .regex(/^\d{8,12}$/)
    .optional(),
  rows: z
    .array(
      z.object({
        type: z.enum(['PAY', 'REFUND']),
        out_trade_no: z.string().min(1).max(32),
        out_refund_no: z.string().max(64).optional(),
        amount: z.number().int().min(0),
        state: z.string().min(1).max(16),
      }),
    )
    .max(MAX_UPLOAD_ROWS),
});
export type UploadBody = z.infer<typeof UploadBody>;

export const DIFF_HEADER =
  'diff_type,out_trade_no,out_refund_no,inst_amount,plat_amount,inst_state,plat_state,suggest';

interface Rec {
  key: string;
  out_trade_no: string;
  out_refund_no: string;
  amount: number;
  state: string;
}

function institutionRecords(sim: Sim, date: string, sub: string | null): Map<string, Rec> {
  const from = shanghaiMidnight(date);
  const bySub = sub === null ? '' : ' AND sub_mchid = ?';
  const args = sub === null ? [from, from + DAY_MS] : [from, from + DAY_MS, sub];
  const out = new Map<string, Rec>();
  for (const o of sim.db
    .prepare(`SELECT * FROM orders WHERE paid_at >= ? AND paid_at < ?${bySub}`)
    .all(...args) as OrderRow[]) {
    out.set(`P:${o.out_trade_no}`, {
      key: `P:${o.out_trade_no}`,
      out_trade_no: o.out_trade_no,
      out_refund_no: '',
      amount: o.amount_fen,
      state: o.state === 'REVOKED' ? 'REVOKED' : 'SUCCESS',
    });
  }
  for (const r of sim.db
    .prepare(`SELECT * FROM refunds WHERE created_at >= ? AND created_at < ?${bySub}`)
    .all(...args) as RefundRow[]) {
    const o = sim.db
      .prepare('SELECT out_trade_no FROM orders WHERE transaction_id = ?')
      .get(r.transaction_id) as { out_trade_no: string } | undefined;
    out.set(`R:${r.out_refund_no}`, {
      key: `R:${r.out_refund_no}`,
      out_trade_no: o?.out_trade_no ?? '',
      out_refund_no: r.out_refund_no,
      amount: r.amount_fen,
      state: r.state,
    });
  }
  return out;
}

function seenOnOtherDay(sim: Sim, rec: Rec, isPay: boolean): boolean {
  return isPay
    ? sim.db
        .prepare('SELECT 1 FROM orders WHERE out_trade_no = ? AND paid_at IS NOT NULL')
        .get(rec.out_trade_no) !== undefined
    : sim.db.prepare('SELECT 1 FROM refunds WHERE out_refund_no = ?').get(rec.out_refund_no) !== undefined;
}

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The differences between the platform's rows and the institution's records of the day, as CSV lines (no header). */
export function diffDay(sim: Sim, b: UploadBody): string[] {
  const inst = institutionRecords(sim, b.bill_date, b.sub_mchid ?? null);
  const lines: string[] = [];
  const line = (
    t: string,
    no: string,
    rno: string,
    ia: string,
    pa: string,
    is: string,
    ps: string,
    suggest: string,
  ): void => {
    lines.push([t, no, rno, ia, pa, is, ps, suggest].map(csvField).join(','));
  };
  const seen = new Set<string>();
  for (const p of b.rows) {
    const key = p.type === 'PAY' ? `P:${p.out_trade_no}` : `R:${p.out_refund_no ?? ''}`;
    seen.add(key);
    const i = inst.get(key);
    const plat: Rec = {
      key,
      out_trade_no: p.out_trade_no,
      out_refund_no: p.out_refund_no ?? '',
      amount: p.amount,
      state: p.state,
    };
    if (i === undefined) {
      line(
        'SHORT',
        plat.out_trade_no,
        plat.out_refund_no,
        '',
        String(p.amount),
        '',
        p.state,
        seenOnOtherDay(sim, plat, p.type === 'PAY') ? '日切，T+1复核' : '挂账',
      );
    } else if (i.amount !== p.amount) {
      line(
        'AMOUNT',
        i.out_trade_no,
        i.out_refund_no,
        String(i.amount),
        String(p.amount),
        i.state,
        p.state,
        '人工核对',
      );
    } else if (i.state !== p.state) {
      line(
        'STATUS',
        i.out_trade_no,
        i.out_refund_no,
        String(i.amount),
        String(p.amount),
        i.state,
        p.state,
        '以机构状态为准',
      );
    }
  }
  for (const i of inst.values()) {
    if (!seen.has(i.key))
      line(
        'LONG',
        i.out_trade_no,
        i.out_refund_no,
        String(i.amount),
        '',
        i.state,
        '',
        i.out_refund_no === '' ? '补单' : '核实退款',
      );
  }
  return lines;
}
