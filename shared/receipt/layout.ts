/**
 * ReceiptDoc → padded lines for one paper width. Pure: the same doc and width
 * always give the same blocks, so the on-screen preview is what prints.
 */
import { formatYuan } from '../money';
import { formatWeight, isWeighed, UNIT_LABEL_ZH } from '../units';
import { columnsFor, type ReceiptBlock, type TextSize } from './blocks';
import { type PaperWidth, type ReceiptDoc, type ReceiptLine, type ReceiptTender } from './model';
import { formatReceiptTime } from './time';
import { centerToWidth, justify, padEndToWidth, sanitizeText, wrapToWidth } from './width';

/** Full-width yuan sign U+FFE5 (GB18030 A3 A4). Never U+00A5: it prints as "?" or "0 6". */
export const YUAN = '\uFFE5';

/** "+￥0.02", "-￥0.38": an adjustment, always with its sign. */
export function signedYuan(amountFen: number): string {
  return amountFen < 0 ? yuan(amountFen) : `+${yuan(amountFen)}`;
}

/** "￥12.50", "-￥0.38". */
export function yuan(amountFen: number): string {
  return amountFen < 0 ? `-${YUAN}${formatYuan(-amountFen)}` : `${YUAN}${formatYuan(amountFen)}`;
}

interface Style {
  bold?: boolean;
  size?: TextSize;
}

class Builder {
  readonly blocks: ReceiptBlock[] = [];
  constructor(private readonly width: PaperWidth) {}

  cols(size: TextSize = 'normal'): number {
    return columnsFor(size, this.width);
  }

  private push(text: string, align: 'left' | 'center' | 'right', style: Style): void {
    this.blocks.push({ kind: 'text', text, bold: style.bold ?? false, size: style.size ?? 'normal', align });
  }

  left(text: string, style: Style = {}): void {
    const cols = this.cols(style.size);
    for (const l of wrapToWidth(sanitizeText(text), cols)) this.push(padEndToWidth(l, cols), 'left', style);
  }

  center(text: string, style: Style = {}): void {
    const cols = this.cols(style.size);
    for (const l of wrapToWidth(sanitizeText(text).trim(), cols)) this.push(centerToWidth(l, cols), 'center', style);
  }

  pair(label: string, value: string, style: Style = {}): void {
    const cols = this.cols(style.size);
    for (const l of justify(sanitizeText(label), sanitizeText(value), cols)) this.push(l, 'left', style);
  }

  rule(): void {
    this.push('-'.repeat(this.cols()), 'left', {});
  }

  blank(): void {
    this.push(' '.repeat(this.cols()), 'left', {});
  }
}

function quantityText(line: ReceiptLine): string {
  if (isWeighed(line.unit)) return `${formatWeight(line.quantity, line.unit)}${UNIT_LABEL_ZH[line.unit]}`;
  return `${line.quantity}${UNIT_LABEL_ZH.piece}`;
}

function layoutLine(b: Builder, line: ReceiptLine): void {
  b.left(line.name);
  b.pair(`  ${quantityText(line)} × ${formatYuan(line.unit_price_fen)}`, `= ${formatYuan(line.amount_fen)}`);
}

/** Returns true when this tender printed the pay QR. */
function layoutTender(b: Builder, t: ReceiptTender, doc: ReceiptDoc, qrPrinted: boolean): boolean {
  switch (t.kind) {
    case 'cash':
      b.pair('现金', yuan(t.amount_fen));
      b.pair('  实收', yuan(t.tendered_fen));
      b.pair('  找零', yuan(t.change_fen), { bold: true });
      return false;
    case 'qr': {
      const label = t.via === 'gateway' ? '企业网银' : '扫码支付';
      if (t.status === 'paid') {
        b.pair(`${label} 已付`, yuan(t.amount_fen));
        return false;
      }
      b.pair(`${label} 待付款`, yuan(t.amount_fen), { bold: true });
      // One QR per receipt: it pays the whole sale's pending amount.
      if (doc.pay_url === undefined || qrPrinted) return false;
      b.blank();
      b.blocks.push({ kind: 'qr', data: doc.pay_url });
      if (t.via !== 'gateway') {
        b.center('请扫码付款', { bold: true, size: 'tall' });
        return true;
      }
      // The buyer's accountant opens the link on a phone or PC and pays from the company's bank account.
      b.center('扫码打开企业网银付款', { bold: true, size: 'tall' });
      if (t.reason) b.left(t.reason);
      return true;
    }
    case 'payment_code':
      b.pair(t.status === 'paid' ? '付款码 已付' : '付款码 待确认', yuan(t.amount_fen));
      return false;
    case 'account':
      b.pair('赊账', yuan(t.amount_fen));
      b.pair('  买家', t.buyer_name);
      b.pair('  欠款余额', yuan(t.balance_after_fen));
      return false;
    default:
      return assertNever(t);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected tender: ${JSON.stringify(x)}`);
}

/**
 * Lays a receipt out for 58 mm (32 columns) or 80 mm (48 columns) paper.
 * discount_fen is an amount taken off the subtotal and prints as "-￥x";
 * rounding_fen is the signed adjustment the sale model stores (negative for
 * 抹零, positive when rounding half up went up) and prints with its sign,
 * labelled 抹零 or 舍入. Both print only when non-zero. A reprint is marked
 * 补打 at the top, so a copy cannot pass for a second sale.
 */
export function layoutReceipt(doc: ReceiptDoc, width: PaperWidth): ReceiptBlock[] {
  const b = new Builder(width);
  if (doc.reprint === true) b.center('** 补打小票 **', { bold: true });
  b.center(doc.market_name, { bold: true, size: 'tall' });
  b.center(doc.stall_name, { bold: true, size: 'big' });
  b.rule();
  b.pair('单号', doc.receipt_no);
  b.pair('时间', formatReceiptTime(doc.at_ms, doc.time_zone));
  b.pair('收银员', doc.cashier);
  b.rule();
  for (const line of doc.lines) layoutLine(b, line);
  b.rule();
  if (doc.discount_fen !== 0 || doc.rounding_fen !== 0) {
    b.pair(`小计 (${doc.lines.length}项)`, yuan(doc.lines.reduce((s, l) => s + l.amount_fen, 0)));
    if (doc.discount_fen !== 0) b.pair('优惠', yuan(-doc.discount_fen));
    if (doc.rounding_fen !== 0) b.pair(doc.rounding_fen < 0 ? '抹零' : '舍入', signedYuan(doc.rounding_fen));
  }
  b.pair('合计', yuan(doc.total_fen), { bold: true, size: 'tall' });
  b.rule();
  let qrPrinted = false;
  for (const t of doc.tenders) qrPrinted = layoutTender(b, t, doc, qrPrinted) || qrPrinted;
  if (doc.footer !== undefined && doc.footer.trim() !== '') {
    b.rule();
    for (const para of doc.footer.split('\n')) b.center(para);
  }
  b.blocks.push({ kind: 'cut' });
  return b.blocks;
}
