/** Printed Z reports (日结) and shift slips (交班单): the figures of the report's screen, laid out by the receipt layout at 58 or 80 mm. */
import type { ReceiptDoc, TakingsSlip } from '../../shared/receipt/model';
import type { Takings } from '../../shared/sales/takings';
import type { ZReport } from '../../shared/sales/z-report';
import type { TerminalIdentity } from '../sync/identity';
import { formatReceiptTime } from '../../shared/receipt/time';
import type { ShiftRow } from './shift';

function slipDoc(who: TerminalIdentity, cashier: string, nowMs: number, slip: TakingsSlip): ReceiptDoc {
  return {
    market_name: who.market_name,
    stall_name: who.stall_name,
    receipt_no: '',
    at_ms: nowMs,
    time_zone: who.time_zone,
    cashier,
    lines: [],
    discount_fen: 0,
    rounding_fen: 0,
    total_fen: slip.takings.sales_fen,
    tenders: [],
    takings_slip: slip,
  };
}

export function zReportSlip(who: TerminalIdentity, cashier: string, z: ZReport, nowMs: number): ReceiptDoc {
  return slipDoc(who, cashier, nowMs, {
    title: '日结报告（Z）',
    heading: [
      { label: '营业日', value: z.business_day },
      { label: '日结次数', value: `第 ${z.z_no} 次` },
      { label: '收银机', value: z.terminal_id },
      ...(z.first_receipt_no && z.last_receipt_no
        ? [{ label: '小票', value: `${z.first_receipt_no.slice(-4)}–${z.last_receipt_no.slice(-4)}` }]
        : []),
    ],
    takings: z.takings,
    money: [
      { label: '优惠', fen: z.discounts_fen },
      { label: '抹零', fen: z.rounding_fen, signed: true },
      { label: `退款（${z.refunds.count} 笔）`, fen: -z.refunds.amount_fen },
      { label: `作废（${z.voids.count} 笔）`, fen: z.voids.amount_fen },
      { label: '净额', fen: z.net_fen },
    ],
  });
}

export function shiftSlip(
  who: TerminalIdentity,
  cashier: string,
  shift: ShiftRow,
  expectedCashFen: number,
  takings: Takings,
  nowMs: number,
): ReceiptDoc {
  const counted = shift.counted_fen;
  return slipDoc(who, cashier, nowMs, {
    title: '交班单',
    heading: [
      { label: '营业日', value: shift.business_day },
      { label: '开班', value: formatReceiptTime(shift.opened_ms, who.time_zone) },
      ...(shift.closed_ms !== null
        ? [{ label: '交班', value: formatReceiptTime(shift.closed_ms, who.time_zone) }]
        : []),
    ],
    takings,
    money: [
      { label: '备用金', fen: shift.float_fen },
      { label: '应有现金', fen: shift.expected_fen ?? expectedCashFen },
      ...(counted !== null
        ? [
            { label: '实点现金', fen: counted },
            { label: '长短款', fen: shift.over_short_fen ?? 0, signed: true },
          ]
        : []),
    ],
  });
}
