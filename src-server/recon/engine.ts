/**
 * The matching engine: one pass over the bill's rows, each looked up by
 * order number (refunds by refund number) among the server's records of the
 * bill day and its neighbours, then one pass over what the bill never
 * mentioned. Pure: no I/O, no clock. Classification follows payments.md §6.
 */
import type { BillPayRow, BillRefundRow, BillRow } from './bill-parse';
import { billDateDayNo, DAY_MS, shanghaiMidnightMs } from './days';
import { LocalIndex, PAY_STATES, REFUND_STATES } from './local-index';
import type {
  Difference,
  LocalPayState,
  LocalPayment,
  LocalRefund,
  LocalRefundState,
  MerchantBillTotals,
  ReconOutcome,
} from './types';

/** A payment of ours the bill lacks, made this close to midnight, is most likely in tomorrow's bill (日切). */
export const NEAR_MIDNIGHT_MS = 10 * 60_000;
/** Differences kept per run; past this the run fails rather than hide the rest. */
export const DIFFERENCES_MAX = 100_000;

export function payIndex(rows: Iterable<LocalPayment> = []): LocalIndex<LocalPayState> {
  const ix = new LocalIndex<LocalPayState>(PAY_STATES);
  for (const r of rows)
    ix.add({
      key: r.out_trade_no,
      stall_id: r.stall_id,
      sub_mchid: r.sub_mchid,
      amount_fen: r.amount_fen,
      state: r.state,
      at_ms: r.at_ms,
    });
  return ix;
}

export function refundIndex(rows: Iterable<LocalRefund> = []): LocalIndex<LocalRefundState> {
  const ix = new LocalIndex<LocalRefundState>(REFUND_STATES);
  for (const r of rows)
    ix.add({
      key: r.out_refund_no,
      parent: r.out_trade_no,
      stall_id: r.stall_id,
      sub_mchid: r.sub_mchid,
      amount_fen: r.amount_fen,
      state: r.state,
      at_ms: r.at_ms,
    });
  return ix;
}

export class Reconciler {
  private readonly dayNo: number;
  private readonly nextMidnightMs: number;
  private rows = 0;
  private matched = 0;
  private matchedFen = 0;
  private readonly diffs: Difference[] = [];
  private readonly merchants = new Map<string, MerchantBillTotals>();

  constructor(
    private readonly billDate: string,
    private readonly pays: LocalIndex<LocalPayState>,
    private readonly refunds: LocalIndex<LocalRefundState>,
    /** our records the bill of a neighbouring day already matched (re-dated there): never short here */
    private readonly redated: ReadonlySet<string> = new Set(),
  ) {
    this.dayNo = billDateDayNo(billDate);
    this.nextMidnightMs = shanghaiMidnightMs(billDate) + DAY_MS;
  }

  private diff(d: Difference): void {
    if (this.diffs.length >= DIFFERENCES_MAX)
      throw new RangeError(`more than ${DIFFERENCES_MAX} differences: is this the right bill?`);
    this.diffs.push(d);
  }

  private merchant(sub: string): MerchantBillTotals {
    let m = this.merchants.get(sub);
    if (m === undefined)
      this.merchants.set(
        sub,
        (m = { sub_mchid: sub, pays: 0, gross_fen: 0, refunds: 0, refund_fen: 0, fee_fen: 0 }),
      );
    return m;
  }

  /** Feed one bill row (bound, so it can be handed to the parser directly). */
  readonly row = (r: BillRow): void => {
    this.rows++;
    const m = this.merchant(r.sub_mchid);
    if (r.kind === 'pay') {
      m.pays++;
      m.gross_fen += r.amount_fen;
      m.fee_fen += r.fee_fen;
      this.pay(r);
    } else {
      m.refunds++;
      m.refund_fen += r.amount_fen;
      m.fee_fen -= r.fee_back_fen;
      this.refund(r);
    }
  };

  private pay(r: BillPayRow): void {
    const base = {
      record: 'pay' as const,
      out_trade_no: r.out_trade_no,
      out_refund_no: null,
      sub_mchid: r.sub_mchid,
      inst_amount_fen: r.amount_fen,
      inst_state: r.state,
    };
    const i = this.pays.find(r.out_trade_no);
    if (i === undefined || this.pays.markSeen(i)) {
      this.diff({
        ...base,
        kind: 'long',
        stall_id: null,
        plat_amount_fen: null,
        plat_state: null,
        cause: 'unknown',
        suggestion: 'bu_dan',
      });
      return;
    }
    const local = {
      stall_id: this.pays.stallOf(i),
      plat_amount_fen: this.pays.amountOf(i),
      plat_state: this.pays.stateOf(i),
    };
    if (local.plat_amount_fen !== r.amount_fen) {
      this.diff({ ...base, ...local, kind: 'amount', cause: 'unknown', suggestion: 'suspense' });
      return;
    }
    const want: LocalPayState = r.state === 'REVOKED' ? 'reversed' : 'paid';
    if (local.plat_state !== want) {
      if (local.plat_state === 'pending' && want === 'paid')
        this.diff({
          ...base,
          ...local,
          kind: 'status',
          cause: 'lost_notification',
          suggestion: 'auto_mark_paid',
        });
      else
        this.diff({
          ...base,
          ...local,
          kind: 'status',
          cause: local.plat_state === 'ended' ? 'ended_but_paid' : 'unknown',
          suggestion: want === 'paid' ? 'refund' : 'suspense',
        });
      return;
    }
    if (this.pays.dayOf(i) !== this.dayNo) {
      this.diff({
        ...base,
        ...local,
        kind: 'cross_midnight',
        cause: 'cross_midnight',
        suggestion: 'auto_redate',
      });
      return;
    }
    this.matched++;
    this.matchedFen += r.amount_fen;
  }

  private refund(r: BillRefundRow): void {
    const base = {
      record: 'refund' as const,
      out_trade_no: r.out_trade_no,
      out_refund_no: r.out_refund_no,
      sub_mchid: r.sub_mchid,
      inst_amount_fen: r.amount_fen,
      inst_state: r.state,
    };
    const i = this.refunds.find(r.out_refund_no);
    if (i === undefined || this.refunds.markSeen(i)) {
      this.diff({
        ...base,
        kind: 'long',
        stall_id: null,
        plat_amount_fen: null,
        plat_state: null,
        cause: 'unknown',
        suggestion: 'suspense',
      });
      return;
    }
    const local = {
      stall_id: this.refunds.stallOf(i),
      plat_amount_fen: this.refunds.amountOf(i),
      plat_state: this.refunds.stateOf(i),
    };
    if (local.plat_amount_fen !== r.amount_fen) {
      this.diff({ ...base, ...local, kind: 'amount', cause: 'unknown', suggestion: 'suspense' });
      return;
    }
    const instDone = r.state === 'SUCCESS';
    const instPending = r.state === 'PROCESSING';
    const agrees =
      (instDone && local.plat_state === 'succeeded') ||
      (instPending && local.plat_state === 'pending') ||
      (!instDone && !instPending && local.plat_state === 'failed');
    if (!agrees) {
      // The bill's refund status is a snapshot (payments.md §1.6): asking again settles it.
      const snapshot = instPending || (instDone && local.plat_state === 'pending');
      this.diff({
        ...base,
        ...local,
        kind: 'status',
        cause: snapshot ? 'refund_snapshot' : 'unknown',
        suggestion: snapshot ? 'auto_requery_refund' : 'suspense',
      });
      return;
    }
    if (this.refunds.dayOf(i) !== this.dayNo) {
      this.diff({
        ...base,
        ...local,
        kind: 'cross_midnight',
        cause: 'cross_midnight',
        suggestion: 'auto_redate',
      });
      return;
    }
    this.matched++;
    this.matchedFen += r.amount_fen;
  }

  /** After the last row: what we hold for the day that the bill never mentioned is short (短款). */
  finish(): ReconOutcome {
    for (let i = 0; i < this.pays.size; i++) {
      if (this.pays.seen(i) || this.pays.dayOf(i) !== this.dayNo || this.redated.has(this.pays.key(i)))
        continue;
      const state = this.pays.stateOf(i);
      if (state !== 'paid' && state !== 'reversed') continue;
      const near = this.nextMidnightMs - this.pays.atOf(i) <= NEAR_MIDNIGHT_MS;
      this.diff({
        kind: 'short',
        record: 'pay',
        out_trade_no: this.pays.key(i),
        out_refund_no: null,
        stall_id: this.pays.stallOf(i),
        sub_mchid: this.pays.subOf(i),
        inst_amount_fen: null,
        plat_amount_fen: this.pays.amountOf(i),
        inst_state: null,
        plat_state: state,
        cause: near ? 'near_midnight' : 'unknown',
        suggestion: near ? 'await_next_bill' : 'suspense',
      });
    }
    for (let i = 0; i < this.refunds.size; i++) {
      if (
        this.refunds.seen(i) ||
        this.refunds.dayOf(i) !== this.dayNo ||
        this.refunds.stateOf(i) === 'failed'
      )
        continue;
      this.diff({
        kind: 'short',
        record: 'refund',
        out_trade_no: this.refunds.parentOf(i),
        out_refund_no: this.refunds.key(i),
        stall_id: this.refunds.stallOf(i),
        sub_mchid: this.refunds.subOf(i),
        inst_amount_fen: null,
        plat_amount_fen: this.refunds.amountOf(i),
        inst_state: null,
        plat_state: this.refunds.stateOf(i),
        cause: 'unknown',
        suggestion: 'suspense',
      });
    }
    return {
      bill_date: this.billDate,
      rows: this.rows,
      matched: this.matched,
      matched_fen: this.matchedFen,
      differences: this.diffs,
      merchants: [...this.merchants.values()].sort((a, b) => a.sub_mchid.localeCompare(b.sub_mchid)),
    };
  }
}
