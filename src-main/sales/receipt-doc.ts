/** Builds a sale's receipt document from its rows: at commit from the rows in hand, for reprints from the database. */
import type { ReceiptDoc, ReceiptTender } from '../../shared/receipt/model';
import { codeLimitDecision } from '../../shared/pay/qr-limits';
import type { PricedLine } from '../../shared/sales/cart';
import { getBuyer } from '../buyers/buyer-store';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { getSale, saleLines, saleTenders, type SaleRow, type TenderRow } from './sale-store';

export function receiptFromRows(db: Db, who: TerminalIdentity, sale: SaleRow, lines: readonly PricedLine[], tenders: readonly Omit<TenderRow, 'sale_id' | 'updated_ms'>[], cashierName: string): ReceiptDoc {
  const docTenders = tenders.map((t): ReceiptTender => {
    switch (t.kind) {
      case 'cash':
        return { kind: 'cash', amount_fen: t.amount_fen, tendered_fen: t.tendered_fen, change_fen: t.change_fen };
      case 'qr': {
        const status = t.status === 'paid' ? 'paid' : 'pending';
        if (t.via !== 'gateway') return { kind: 'qr', amount_fen: t.amount_fen, status };
        const limit = codeLimitDecision(t.amount_fen, 'qr');
        return { kind: 'qr', amount_fen: t.amount_fen, status, via: 'gateway', ...(limit.allowed ? {} : { reason: limit.reason_zh }) };
      }
      case 'payment_code':
        return { kind: 'payment_code', amount_fen: t.amount_fen, status: t.status === 'paid' ? 'paid' : 'pending' };
      case 'account': {
        const buyer = t.buyer_id ? getBuyer(db, t.buyer_id) : null;
        return { kind: 'account', amount_fen: t.amount_fen, buyer_name: buyer?.name ?? t.buyer_id ?? '', balance_after_fen: buyer?.balance_fen ?? 0 };
      }
    }
  });
  return {
    market_name: who.market_name,
    stall_name: who.stall_name,
    receipt_no: sale.receipt_no,
    at_ms: sale.created_ms,
    time_zone: who.time_zone,
    cashier: cashierName,
    // A typed-amount line prints as one unit at its amount.
    lines: lines.map((l) => ({ name: l.name, unit: l.unit, quantity: l.kind === 'amount' ? 1 : l.quantity, unit_price_fen: l.kind === 'amount' ? l.amount_fen : l.unit_price_fen, amount_fen: l.amount_fen })),
    discount_fen: sale.line_discount_fen + sale.sale_discount_fen,
    rounding_fen: sale.rounding_fen,
    total_fen: sale.total_fen,
    tenders: docTenders,
    footer: '谢谢惠顾',
  };
}

export function saleReceipt(db: Db, who: TerminalIdentity, saleId: string, cashierName: string): ReceiptDoc {
  const sale = getSale(db, saleId);
  if (!sale) throw new Error(`no sale ${saleId}`);
  return receiptFromRows(db, who, sale, saleLines(db, saleId), saleTenders(db, saleId), cashierName);
}
