/**
 * ReceiptDoc → padded lines for one paper width. Pure: the same doc and width
 * always give the same blocks, so the on-screen preview is what prints.
 */
// yuan() prints ￥12.50: sanitizeText maps formatCny's sign to GB18030's full-width one.
import { formatCny as yuan, formatYuan } from '../money';
import { formatWeight, isWeighed, UNIT_LABEL_ZH } from '../units';
import { columnsFor, type ReceiptBlock, type TextSize } from './blocks';
import {
  type PaperWidth,
  type ReceiptDoc,
  type ReceiptLine,
  type ReceiptTender,
  type RefundSlip,
  type TakingsSlip,
} from './model';
import type { TenderStatus } from '../sales/outcome';
import {
  TAKINGS_FIGURE_LABELS,
  TENDER_KIND_LABELS,
  TENDER_STATUS_LABELS,
  WALLET_LABELS,
} from '../sales/takings-labels';
import { TENDER_KINDS } from '../journal/entries';
import { WALLETS } from '../sales/takings';
import { amountCapitals, WORDS_AMOUNT_FEN_MAX } from '../speech/amount-words';
import { formatReceiptTime } from './time';
import { centerToWidth, displayWidth, justify, padEndToWidth, sanitizeText, wrapToWidth } from './width';

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
    for (const l of wrapToWidth(sanitizeText(text).trim(), cols))
      this.push(centerToWidth(l, cols), 'center', style);
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

function weight(g: number, unit: 'jin' | 'kg'): string {
  return `${formatWeight(g, unit)}${UNIT_LABEL_ZH[unit]}`;
}

function quantityText(line: ReceiptLine): string {
  if (isWeighed(line.unit)) return weight(line.quantity, line.unit);
  return `${line.quantity}${UNIT_LABEL_ZH.piece}`;
}

/** "6.40元/斤": the unit price with the unit it is per. */
function unitPrice(line: ReceiptLine): string {
  return `${formatYuan(line.unit_price_fen)}元/${UNIT_LABEL_ZH[line.unit]}`;
}

function layoutLine(b: Builder, line: ReceiptLine): void {
  b.left(line.name);
  const tare = line.tare_g ?? 0;
  const unit = line.unit;
  // A weighed line with a container: 毛重 − 皮重 = 净重, so the buyer can check the scale's arithmetic.
  const tared = isWeighed(unit) && tare > 0;
  if (tared) b.left(`  毛重${weight(line.quantity + tare, unit)} 皮重${weight(tare, unit)}`);
  const qty = tared ? `净重${quantityText(line)}` : quantityText(line);
  b.pair(`  ${qty} × ${unitPrice(line)}`, `= ${formatYuan(line.amount_fen)}`);
  // A bargained line (议价) shows the list price it came down from.
  if (line.list_price_fen !== undefined)
    b.pair(`  原价${unitPrice({ ...line, unit_price_fen: line.list_price_fen })}`, '已议价');
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
      if (t.status !== 'pending') {
        layoutOutcome(b, label, t);
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
      if (t.status === 'pending') b.pair('付款码 待确认', yuan(t.amount_fen), { bold: true });
      else layoutOutcome(b, '付款码', t);
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

/** A wallet tender with its outcome: 已支付 and the institution's transaction number, or why it did not pay. */
function layoutOutcome(
  b: Builder,
  label: string,
  t: { amount_fen: number; status: TenderStatus; txn_id?: string; reason?: string },
): void {
  b.pair(`${label} ${TENDER_STATUS_LABELS[t.status].zh}`, yuan(t.amount_fen), { bold: t.status !== 'paid' });
  if (t.status === 'paid' && t.txn_id) b.pair('  交易号', t.txn_id);
  if (t.status !== 'paid' && t.reason) b.left(`  原因：${t.reason}`);
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
 * 补打 at the top, so a copy cannot pass for a second sale. An on-account
 * sale prints twice: the buyer's copy and the stall's, with 大写 and a line
 * for the buyer's signature.
 */
export function layoutReceipt(doc: ReceiptDoc, width: PaperWidth): ReceiptBlock[] {
  if (doc.refund) return layoutRefundSlip(doc, doc.refund, width);
  if (doc.takings_slip) return layoutTakingsSlip(doc, doc.takings_slip, width);
  // An on-account sale is a debt: the buyer keeps one copy, the stall keeps the other with the buyer's signature.
  if (!doc.tenders.some((t) => t.kind === 'account')) return layoutCopy(doc, width, null);
  return [...layoutCopy(doc, width, 'customer'), ...layoutCopy(doc, width, 'stall')];
}

/** 客户联 (the buyer's) or 存根联 (the stall's, signed by the buyer), or null for a sale that needs one copy. */
type Copy = 'customer' | 'stall' | null;

function layoutCopy(doc: ReceiptDoc, width: PaperWidth, copy: Copy): ReceiptBlock[] {
  const b = new Builder(width);
  if (doc.reprint === true) b.center('** 补打小票 **', { bold: true });
  if (doc.header !== undefined && doc.header.trim() !== '') b.center(doc.header);
  b.center(doc.market_name, { bold: true, size: 'tall' });
  b.center(doc.stall_name, { bold: true, size: 'big' });
  const contact = [
    doc.stall_no ? `摊位 ${doc.stall_no}` : '',
    doc.stall_phone ? `电话 ${doc.stall_phone}` : '',
  ].filter((x) => x !== '');
  // Number and phone share a line when they fit; a phone number is never broken across two.
  if (contact.length > 0 && displayWidth(contact.join('  ')) <= b.cols()) b.center(contact.join('  '));
  else for (const c of contact) b.center(c);
  if (copy !== null)
    b.center(copy === 'customer' ? '赊账单（客户联）' : '赊账单（存根联·摊位留存）', { bold: true });
  b.rule();
  b.pair('单号', doc.receipt_no);
  b.pair('时间', formatReceiptTime(doc.at_ms, doc.time_zone));
  b.pair('收银员', doc.cashier);
  b.rule();
  for (const line of doc.lines) layoutLine(b, line);
  b.rule();
  const roundOff = doc.round_off_fen ?? 0;
  if (doc.discount_fen !== 0 || doc.rounding_fen !== 0 || roundOff !== 0) {
    b.pair(`小计 (${doc.lines.length}项)`, yuan(doc.lines.reduce((s, l) => s + l.amount_fen, 0)));
    if (doc.discount_fen !== 0) b.pair('优惠', yuan(-doc.discount_fen));
    if (roundOff !== 0) b.pair('抹零', yuan(-roundOff));
    if (doc.rounding_fen !== 0)
      b.pair(doc.rounding_fen < 0 ? '抹零' : '舍入', yuan(doc.rounding_fen, { signed: true }));
  }
  b.pair('合计', yuan(doc.total_fen), { bold: true, size: 'tall' });
  if (copy !== null && doc.total_fen >= 0 && doc.total_fen <= WORDS_AMOUNT_FEN_MAX)
    b.left(`大写 ${amountCapitals(doc.total_fen)}`);
  b.rule();
  let qrPrinted = false;
  for (const t of doc.tenders) qrPrinted = layoutTender(b, t, doc, qrPrinted) || qrPrinted;
  if (doc.owed_fen !== undefined && doc.owed_fen > 0)
    b.pair('待补收（未付清）', yuan(doc.owed_fen), { bold: true, size: 'tall' });
  if (doc.refunds && doc.refunds.length > 0) {
    b.rule();
    for (const r of doc.refunds) b.pair(`已退款 ${r.refund_no}`, yuan(-r.amount_fen));
  }
  if (copy === 'stall') {
    b.blank();
    b.blank();
    b.left('买家签字：______________________');
    b.left('日期：__________');
  }
  if (doc.footer !== undefined && doc.footer.trim() !== '') {
    b.rule();
    for (const para of doc.footer.split('\n')) b.center(para);
  }
  b.blocks.push({ kind: 'cut' });
  return b.blocks;
}

/**
 * A Z report or shift slip: takings per tender kind and wallet, the receivables, and
 * 实收 + 应收未收 = 销售额 — the figures of the report's screen, under their Chinese names.
 */
function layoutTakingsSlip(doc: ReceiptDoc, s: TakingsSlip, width: PaperWidth): ReceiptBlock[] {
  const b = new Builder(width);
  const L = TAKINGS_FIGURE_LABELS;
  const k = s.takings;
  b.center(doc.market_name, { bold: true });
  b.center(doc.stall_name, { bold: true, size: 'tall' });
  b.center(s.title, { bold: true, size: 'big' });
  b.rule();
  for (const h of s.heading) b.pair(h.label, h.value);
  b.pair('打印时间', formatReceiptTime(doc.at_ms, doc.time_zone));
  b.pair('收银员', doc.cashier);
  b.rule();
  b.pair(L.sales_count.zh, String(k.sales_count));
  b.pair(L.sales_fen.zh, yuan(k.sales_fen), { bold: true });
  b.rule();
  b.left(`${L.paid.zh}（按付款方式）`, { bold: true });
  for (const kind of TENDER_KINDS)
    if (k.by_kind[kind].count > 0 || k.paid.by_kind[kind] !== 0)
      b.pair(`  ${TENDER_KIND_LABELS[kind].zh} ${k.by_kind[kind].count}笔`, yuan(k.paid.by_kind[kind]));
  for (const w of [...WALLETS, 'unknown' as const])
    if (k.paid.by_wallet[w] !== 0) b.pair(`    其中${WALLET_LABELS[w].zh}`, yuan(k.paid.by_wallet[w]));
  b.pair(L.paid.zh, yuan(k.paid.total_fen), { bold: true });
  b.left(L.receivable.zh, { bold: true });
  b.pair(`  ${L.account_fen.zh}`, yuan(k.receivable.account_fen));
  b.pair(`  ${L.pending_fen.zh}`, yuan(k.receivable.pending_fen));
  b.pair(`  ${L.owed_fen.zh}`, yuan(k.receivable.owed_fen));
  b.pair(L.receivable.zh, yuan(k.receivable.total_fen), { bold: true });
  b.pair(`${L.paid.zh} + ${L.receivable.zh}`, yuan(k.paid.total_fen + k.receivable.total_fen));
  b.rule();
  for (const m of s.money) b.pair(m.label, yuan(m.fen, m.signed === true ? { signed: true } : undefined));
  b.blocks.push({ kind: 'feed', lines: 2 });
  b.blocks.push({ kind: 'cut' });
  return b.blocks;
}

/** The refund slip (退款单): which lines went back, to which tender, who refunded and who allowed it. */
function layoutRefundSlip(doc: ReceiptDoc, r: RefundSlip, width: PaperWidth): ReceiptBlock[] {
  const b = new Builder(width);
  if (doc.reprint === true) b.center('** 补打 **', { bold: true });
  b.center(doc.market_name, { bold: true });
  b.center(doc.stall_name, { bold: true, size: 'big' });
  b.center('退款单', { bold: true, size: 'tall' });
  b.rule();
  b.pair('退款单号', r.refund_no);
  b.pair('原小票', r.sale_receipt_no);
  b.pair('时间', formatReceiptTime(doc.at_ms, doc.time_zone));
  b.rule();
  for (const l of r.lines) {
    b.left(l.name);
    b.pair(
      `  退 ${quantityText({ name: l.name, unit: l.unit, quantity: l.quantity, unit_price_fen: 0, amount_fen: l.amount_fen })}`,
      `= ${formatYuan(l.amount_fen)}`,
    );
  }
  b.rule();
  b.pair('退款合计', yuan(r.amount_fen), { bold: true, size: 'tall' });
  for (const t of r.tenders) b.pair(`  退回${TENDER_KIND_LABELS[t.kind].zh}`, yuan(t.amount_fen));
  b.rule();
  b.pair('经办', r.cashier);
  b.pair('批准', r.approved_by ?? '无需批准');
  if (r.reason.trim() !== '') b.left(`原因：${r.reason}`);
  b.blocks.push({ kind: 'cut' });
  return b.blocks;
}
