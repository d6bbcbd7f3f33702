/**
 * A push parser for the institution's daily trade bill in WeChat's layout
 * (payments.md §1.6): a plain header line, detail rows whose every field
 * starts with a backtick, a plain summary header and one backticked summary
 * row. Columns are found by name, so ALL, SUCCESS and REFUND bills parse
 * alike. Amounts (元) become integer fen. Lines are fed one at a time: the
 * bill is never held whole.
 */
import { yuanToFen } from './yuan';

export const BILL_LINE_MAX_CHARS = 4_000;
export const BILL_ROWS_MAX = 20_000_000;

export interface BillPayRow {
  kind: 'pay';
  at: string;
  sub_mchid: string;
  transaction_id: string;
  out_trade_no: string;
  /** SUCCESS, or REVOKED for a paid code-pay order that was reversed */
  state: string;
  amount_fen: number;
  fee_fen: number;
}

export interface BillRefundRow {
  kind: 'refund';
  at: string;
  sub_mchid: string;
  transaction_id: string;
  out_trade_no: string;
  out_refund_no: string;
  refund_id: string;
  /** a snapshot at bill time: SUCCESS, PROCESSING, ABNORMAL, CLOSED */
  state: string;
  amount_fen: number;
  /** the fee returned with the refund, positive */
  fee_back_fen: number;
}

export type BillRow = BillPayRow | BillRefundRow;

export interface BillSummary {
  count: number;
  settle_fen: number;
  refund_fen: number;
  fee_fen: number;
}

export class BillFormatError extends Error {}

const REQUIRED = [
  '交易时间',
  '特约商户号',
  '微信订单号',
  '商户订单号',
  '交易状态',
  '订单金额',
  '手续费',
] as const;

function strip(field: string): string {
  return field.charCodeAt(0) === 96 /* ` */ ? field.slice(1) : field;
}

export class BillParser {
  private cols: Map<string, number> | null = null;
  private phase: 'header' | 'rows' | 'summary' | 'done' = 'header';
  private lineNo = 0;
  rows = 0;
  /** what the detail rows add up to, checked against the summary row */
  readonly seen: BillSummary = { count: 0, settle_fen: 0, refund_fen: 0, fee_fen: 0 };
  summary: BillSummary | null = null;

  constructor(private readonly onRow: (row: BillRow) => void) {}

  private col(fields: string[], name: string): string {
    const i = this.cols?.get(name);
    return i === undefined ? '' : strip(fields[i] ?? '');
  }

  private fail(msg: string): never {
    throw new BillFormatError(`bill line ${this.lineNo}: ${msg}`);
  }

  push(rawLine: string): void {
    this.lineNo++;
    const line =
      this.lineNo === 1 && rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine.replace(/\r$/, '');
    if (line.length === 0) return;
    if (line.length > BILL_LINE_MAX_CHARS) this.fail('line too long');
    const fields = line.split(',');
    switch (this.phase) {
      case 'header': {
        this.cols = new Map(fields.map((f, i) => [f.trim(), i]));
        for (const name of REQUIRED) if (!this.cols.has(name)) this.fail(`header lacks ${name}`);
        this.phase = 'rows';
        return;
      }
      case 'rows': {
        if (fields[0] === '总交易单数') {
          this.phase = 'summary';
          return;
        }
        if (++this.rows > BILL_ROWS_MAX) this.fail('too many rows');
        this.detail(fields);
        return;
      }
      case 'summary': {
        const f = fields.map(strip);
        const n = Number(f[0]);
        if (!Number.isSafeInteger(n)) this.fail('summary count is not a number');
        try {
          this.summary = {
            count: n,
            settle_fen: yuanToFen(f[1] ?? ''),
            refund_fen: yuanToFen(f[2] ?? ''),
            fee_fen: yuanToFen(f[4] ?? ''),
          };
        } catch (e) {
          this.fail(e instanceof Error ? e.message : String(e));
        }
        this.phase = 'done';
        return;
      }
      case 'done':
        this.fail('text after the summary row');
    }
  }

  private detail(fields: string[]): void {
    if (fields.length !== this.cols?.size)
      this.fail(`${fields.length} fields, the header has ${this.cols?.size ?? 0}`);
    let row: BillRow;
    try {
      const state = this.col(fields, '交易状态');
      const base = {
        at: this.col(fields, '交易时间'),
        sub_mchid: this.col(fields, '特约商户号'),
        transaction_id: this.col(fields, '微信订单号'),
        out_trade_no: this.col(fields, '商户订单号'),
      };
      const fee = yuanToFen(this.col(fields, '手续费'));
      if (state === 'REFUND') {
        row = {
          kind: 'refund',
          ...base,
          out_refund_no: this.col(fields, '商户退款单号'),
          refund_id: this.col(fields, '微信退款单号'),
          state: this.col(fields, '退款状态'),
          amount_fen: yuanToFen(this.col(fields, '退款金额')),
          fee_back_fen: -fee,
        };
        this.seen.refund_fen += row.amount_fen;
      } else {
        row = {
          kind: 'pay',
          ...base,
          state,
          amount_fen: yuanToFen(this.col(fields, '订单金额')),
          fee_fen: fee,
        };
        this.seen.settle_fen += yuanToFen(this.col(fields, '应结订单金额'));
      }
      this.seen.fee_fen += fee;
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
    if (row.out_trade_no.length === 0) this.fail('no 商户订单号');
    this.seen.count++;
    this.onRow(row);
  }

  /** The bill ended: it must have had its summary, and the summary must agree with the rows. */
  end(): BillSummary {
    if (this.phase !== 'done' || this.summary === null)
      this.fail(this.phase === 'header' ? 'empty bill' : 'no summary row (truncated download?)');
    const s = this.summary;
    const d = this.seen;
    if (
      s.count !== d.count ||
      s.settle_fen !== d.settle_fen ||
      s.refund_fen !== d.refund_fen ||
      s.fee_fen !== d.fee_fen
    ) {
      this.fail(
        `summary (${s.count} rows, ${s.settle_fen}/${s.refund_fen}/${s.fee_fen} fen) disagrees with the detail rows (${d.count}, ${d.settle_fen}/${d.refund_fen}/${d.fee_fen})`,
      );
    }
    return s;
  }
}
