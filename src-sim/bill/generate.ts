import { createHash } from 'node:crypto';
import type { Sim } from '../context';
import { DAY_MS, billTime, shanghaiMidnight } from '../clock';
import type { OrderRow } from '../orders/model';
import type { RefundRow } from '../refunds/service';
import { formatYuan } from '../../shared/money';
import {
  ALL_HEADER,
  REFUND_HEADER,
  SUCCESS_HEADER,
  SUMMARY_HEADER,
  backtickRow,
  ratePercent,
  yuan5,
} from './format';

export type BillType = 'ALL' | 'SUCCESS' | 'REFUND';

const BANK: Record<string, string> = { WECHAT: 'OTHERS', ALIPAY: 'ALIPAY', UNIONPAY: 'UNIONPAY' };

interface PayLine {
  o: OrderRow;
  openid: string;
  rate_bp: number;
  amount: number;
}
interface RefundLine {
  r: RefundRow;
  o: OrderRow;
  openid: string;
  rate_bp: number;
  state: string;
}

function openidOf(sim: Sim, buyerId: string | null): string {
  if (buyerId === null) return '';
  return (
    (sim.db.prepare('SELECT openid FROM buyers WHERE id = ?').get(buyerId) as { openid: string } | undefined)
      ?.openid ?? ''
  );
}
const rateOf = (sim: Sim, sub: string): number =>
  (
    sim.db.prepare('SELECT fee_rate_bp AS r FROM merchants WHERE sub_mchid = ?').get(sub) as
      { r: number } | undefined
  )?.r ?? 0;

/** Builds the bill text for one Asia/Shanghai day, consuming any pending bill faults. */
export function buildBill(sim: Sim, date: string, type: BillType, subMchid: string | null): string {
  const from = shanghaiMidnight(date);
  const to = from + DAY_MS;
  const bySub = subMchid === null ? '' : ' AND sub_mchid = ?';
  const args = (a: number, b: number): unknown[] => (subMchid === null ? [a, b] : [a, b, subMchid]);
  const pays = sim.db
    .prepare(
      `SELECT * FROM orders WHERE paid_at >= ? AND paid_at < ?${bySub} ORDER BY paid_at, transaction_id`,
    )
    .all(...args(from, to)) as OrderRow[];
  if (sim.faults.take('bill_cross_midnight')) {
    // 日切: the institution books the first order after midnight into this day.
    const next = sim.db
      .prepare(`SELECT * FROM orders WHERE paid_at >= ? AND paid_at < ?${bySub} ORDER BY paid_at LIMIT 1`)
      .get(...args(to, to + DAY_MS)) as OrderRow | undefined;
    if (next !== undefined) pays.push(next);
  }
  const payLines: PayLine[] = pays.map((o) => ({
    o,
    openid: openidOf(sim, o.buyer_id),
    rate_bp: rateOf(sim, o.sub_mchid),
    amount: o.amount_fen,
  }));
  const delta = sim.faults.take('bill_amount_delta');
  const firstPay = payLines[0];
  if (delta !== undefined && firstPay !== undefined) firstPay.amount += delta.delta_fen ?? 1;

  const refunds = sim.db
    .prepare(
      `SELECT * FROM refunds WHERE created_at >= ? AND created_at < ?${bySub} ORDER BY created_at, refund_id`,
    )
    .all(...args(from, to)) as RefundRow[];
  const refundLines: RefundLine[] = [];
  for (const r of refunds) {
    const o = sim.db.prepare('SELECT * FROM orders WHERE transaction_id = ?').get(r.transaction_id) as
      OrderRow | undefined;
    if (o !== undefined)
      refundLines.push({
        r,
        o,
        openid: openidOf(sim, o.buyer_id),
        rate_bp: rateOf(sim, o.sub_mchid),
        state: r.state,
      });
  }
  const firstDone = refundLines.find((l) => l.state === 'SUCCESS');
  if (firstDone !== undefined && sim.faults.take('bill_refund_processing')) firstDone.state = 'PROCESSING';

  const sp = sim.id.spMchid;
  const appid = sim.id.spAppid;
  const lines: string[] = [];
  let count = 0,
    settle = 0,
    refunded = 0,
    fees = 0,
    ordered = 0,
    applied = 0;
  const common = (o: OrderRow, openid: string, state: string): string[] => [
    appid,
    sp,
    o.sub_mchid,
    '',
    o.transaction_id,
    o.out_trade_no,
    openid,
    o.trade_type,
    state,
    BANK[o.channel ?? 'WECHAT'] ?? 'OTHERS',
    'CNY',
  ];
  if (type !== 'REFUND') {
    lines.push((type === 'ALL' ? ALL_HEADER : SUCCESS_HEADER).join(','));
    for (const p of payLines) {
      const state = p.o.state === 'REVOKED' ? 'REVOKED' : 'SUCCESS';
      const head = [
        billTime(p.o.paid_at ?? 0),
        ...common(p.o, p.openid, state),
        formatYuan(p.amount),
        '0.00',
      ];
      const tail = [
        p.o.description,
        p.o.attach ?? '',
        yuan5(p.o.fee_fen),
        ratePercent(p.rate_bp),
        formatYuan(p.amount),
      ];
      lines.push(
        backtickRow(
          type === 'ALL'
            ? [...head, '0', '0', '0.00', '0.00', '', '', ...tail, '0.00', '']
            : [...head, ...tail, ''],
        ),
      );
      count++;
      settle += p.amount;
      fees += p.o.fee_fen;
      ordered += p.amount;
    }
  } else lines.push(REFUND_HEADER.join(','));
  if (type !== 'SUCCESS') {
    for (const l of refundLines) {
      const head = [billTime(l.r.created_at), ...common(l.o, l.openid, 'REFUND'), '0.00', '0.00'];
      const times =
        type === 'REFUND'
          ? [
              billTime(l.r.created_at),
              l.r.success_at !== null && l.state === 'SUCCESS' ? billTime(l.r.success_at) : '',
            ]
          : [];
      lines.push(
        backtickRow([
          ...head,
          ...times,
          l.r.refund_id,
          l.r.out_refund_no,
          formatYuan(l.r.amount_fen),
          '0.00',
          'ORIGINAL',
          l.state,
          l.o.description,
          l.o.attach ?? '',
          yuan5(-l.r.fee_fen),
          ratePercent(l.rate_bp),
          '0.00',
          formatYuan(l.r.amount_fen),
          '',
        ]),
      );
      count++;
      refunded += l.r.amount_fen;
      fees -= l.r.fee_fen;
      applied += l.r.amount_fen;
    }
  }
  lines.push(SUMMARY_HEADER.join(','));
  lines.push(
    backtickRow([
      String(count),
      formatYuan(settle),
      formatYuan(refunded),
      '0.00',
      yuan5(fees),
      formatYuan(ordered),
      formatYuan(applied),
    ]),
  );
  return `${lines.join('\n')}\n`;
}

export const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');
