/** Builds a sale's receipt document from its rows: at commit from the rows in hand, for reprints from the database. */
import type { ReceiptDoc, ReceiptTender } from '../../shared/receipt/model';
import { codeLimitDecision } from '../../shared/pay/qr-limits';
import type { PricedLine } from '../../shared/sales/cart';
import { getBuyer } from '../buyers/buyer-store';
import { saleBargains } from './bargains';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { getSale, saleLines, saleTenders, type SaleRow, type TenderRow } from './sale-store';
import { CodedError } from '../../shared/contract/envelope';
import { failureReason } from '../../shared/sales/failure-reasons';
import { owedFen } from '../../shared/sales/outcome';
import { findCashier } from '../cashiers/cashier-store';
import { parseDoc } from '../print/print-job-store';
import { stmt } from '../store/sql';
import { getTillSettings } from '../store/till-settings';

/** A wallet tender's outcome on paper: the transaction number once paid, the reason in words once it failed. */
function outcomeWords(t: Pick<TenderRow, 'status' | 'external_ref' | 'reason'>): {
  txn_id?: string;
  reason?: string;
} {
  if (t.status === 'paid') return t.external_ref ? { txn_id: t.external_ref } : {};
  if (t.status === 'pending') return {};
  return { reason: failureReason(t.reason).zh };
}

export function receiptFromRows(
  db: Db,
  who: TerminalIdentity,
  sale: SaleRow,
  lines: readonly PricedLine[],
  tenders: readonly Omit<TenderRow, 'sale_id' | 'updated_ms'>[],
  cashierName: string,
): ReceiptDoc {
  const docTenders = tenders.map((t): ReceiptTender => {
    switch (t.kind) {
      case 'cash':
        return {
          kind: 'cash',
          amount_fen: t.amount_fen,
          tendered_fen: t.tendered_fen,
          change_fen: t.change_fen,
        };
      case 'qr': {
        const status = t.status;
        const outcome = outcomeWords(t);
        if (t.via !== 'gateway') return { kind: 'qr', amount_fen: t.amount_fen, status, ...outcome };
        const limit = codeLimitDecision(t.amount_fen, 'qr');
        return {
          kind: 'qr',
          amount_fen: t.amount_fen,
          status,
          via: 'gateway',
          ...(status === 'pending' && !limit.allowed ? { reason: limit.reason_zh } : outcome),
        };
      }
      case 'payment_code':
        return { kind: 'payment_code', amount_fen: t.amount_fen, status: t.status, ...outcomeWords(t) };
      case 'account': {
        const buyer = t.buyer_id ? getBuyer(db, t.buyer_id) : null;
        return {
          kind: 'account',
          amount_fen: t.amount_fen,
          buyer_name: buyer?.name ?? t.buyer_id ?? '',
          balance_after_fen: buyer?.balance_fen ?? 0,
        };
      }
    }
  });
  const settings = getTillSettings(db);
  const bargains = saleBargains(db, sale.id);
  return {
    ...(settings.receipt_header !== null && { header: settings.receipt_header }),
    market_name: who.market_name,
    stall_name: who.stall_name,
    stall_no: settings.stall_no ?? who.stall_id,
    ...(settings.stall_phone !== null && { stall_phone: settings.stall_phone }),
    receipt_no: sale.receipt_no,
    at_ms: sale.created_ms,
    time_zone: who.time_zone,
    cashier: cashierName,
    // A typed-amount line prints as one unit at its amount.
    lines: lines.map((l) => ({
      name: l.name,
      unit: l.unit,
      quantity: l.kind === 'amount' ? 1 : l.quantity,
      tare_g: l.tare_g,
      unit_price_fen: l.kind === 'amount' ? l.amount_fen : l.unit_price_fen,
      ...(bargains.listPrices.has(l.line_no) ? { list_price_fen: bargains.listPrices.get(l.line_no) } : {}),
      amount_fen: l.amount_fen,
    })),
    discount_fen: sale.line_discount_fen + sale.sale_discount_fen - bargains.roundOffFen,
    ...(bargains.roundOffFen > 0 ? { round_off_fen: bargains.roundOffFen } : {}),
    rounding_fen: sale.rounding_fen,
    total_fen: sale.total_fen,
    tenders: docTenders,
    ...(settings.receipt_footer !== null && { footer: settings.receipt_footer }),
  };
}

/**
 * The receipt of a sale as it is now (outcomes known so far, refunds listed,
 * what is still owed): what prints once a payment's outcome is known, and
 * every reprint. The pay QR prints only while a QR tender still waits.
 */
export function saleReceipt(db: Db, who: TerminalIdentity, saleId: string): ReceiptDoc {
  const sale = getSale(db, saleId);
  if (!sale) throw new CodedError('not_found', `no sale ${saleId} on this till`);
  const tenders = saleTenders(db, saleId);
  const cashier = findCashier(db, sale.cashier_id)?.name ?? sale.cashier_id;
  const doc = receiptFromRows(db, who, sale, saleLines(db, saleId), tenders, cashier);
  const refunds = stmt(
    db,
    'SELECT refund_no, amount_fen FROM refund WHERE sale_id = ? ORDER BY created_ms',
  ).all(saleId) as { refund_no: string; amount_fen: number }[];
  const owed = sale.status === 'pending' ? owedFen(sale.total_fen, tenders) : 0;
  const waitingQr = tenders.some((t) => t.kind === 'qr' && t.status === 'pending');
  const printedUrl = waitingQr ? firstPayUrl(db, saleId) : null;
  return {
    ...doc,
    ...(printedUrl ? { pay_url: printedUrl } : {}),
    ...(owed > 0 ? { owed_fen: owed } : {}),
    ...(refunds.length > 0 ? { refunds } : {}),
  };
}

/** The pay URL the sale's first receipt printed (its QR still pays the waiting tender). */
function firstPayUrl(db: Db, saleId: string): string | null {
  for (const row of stmt(db, 'SELECT document FROM print_job WHERE sale_id = ? ORDER BY created_ms, id').all(
    saleId,
  ) as { document: string }[]) {
    const url = parseDoc(row)?.pay_url;
    if (url) return url;
  }
  return null;
}
