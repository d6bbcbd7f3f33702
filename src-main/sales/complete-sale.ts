/**
 * Completing a sale: price the cart, plan the tenders, and commit the sale,
 * its lines, tenders, buyer balance change, journal entry and print job in
 * ONE transaction — the cashier sees "done" only after that commit.
 */
import { saleStatusOf } from '../../shared/sales/outcome';
import { newId } from '../ids';
import { CodedError } from '../../shared/contract/envelope';
import type { EntryPayload } from '../../shared/journal/entries';
import type { PayPurpose } from '../../shared/pay/token';
import { getBuyer, recordBuyerDelta } from '../buyers/buyer-store';
import type { Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import { enqueuePrintJob } from './receipt-job';
import { ensureOpenShift } from '../shifts/shift';
import type { Db } from '../store/db';
import { getTillSettings } from '../store/till-settings';
import type { TerminalIdentity } from '../sync/identity';
import { openBusinessDay } from './business-day';
import { dropCurrentSale } from './current-sale';
import { takeBargains } from './bargains';
import { priceCart, type CartInput } from './cart-input';
import { receiptFromRows } from './receipt-doc';
import { latestJobForSale } from '../print/print-job-store';
import {
  getSale,
  insertSale,
  nextDaySeq,
  saleLines,
  saleTenders,
  type SaleRow,
  type TenderRow,
} from './sale-store';
import { planTenders, type TenderInput } from './tenders';
import { tx } from '../store/sql';

export interface CompletedSale {
  /** the signed URL to show and print as a QR while a QR tender is pending */
  pay_url: string | null;
  sale_id: string;
  receipt_no: string;
  status: SaleRow['status'];
  total_fen: number;
  change_fen: number;
  /** null for a sale with a payment code: its receipt is printed once the code-pay answer is known */
  print_job_id: string | null;
  /** the id was already committed: this is that sale, answered again (nothing new was written) */
  replayed: boolean;
}

/** Signs a pay URL for a pending QR tender — a wallet QR, or the B2B gateway link (the terminal's key lives in the core). */
export type PayUrlSigner = (
  claims: { terminal_id: string; sale_id: string; tender_no: number; amount_fen: number },
  nowMs: number,
  purpose: PayPurpose,
) => string;

/**
 * The sale already committed under a client-made id, answered again (TigerBeetle's reliable submission: the
 * client keeps the id and resends it). The same id with another cart is refused, never silently taken.
 */
function replayed(
  db: Db,
  sale: SaleRow,
  input: CartInput & { tenders: TenderInput[] },
  signPayUrl: PayUrlSigner | undefined,
  who: TerminalIdentity,
  nowMs: number,
): CompletedSale {
  const lines = saleLines(db, sale.id);
  const tenders = saleTenders(db, sale.id);
  const same =
    lines.length === input.lines.length &&
    lines.every(
      (l, i) => l.product_id === input.lines[i]?.product_id && l.kind === input.lines[i]?.entry.kind,
    ) &&
    tenders.length === input.tenders.length &&
    tenders.every((t, i) => t.kind === input.tenders[i]?.kind);
  if (!same)
    throw new CodedError(
      'conflict',
      `sale ${sale.id} was completed with another cart (exists_with_different_payload)`,
    );
  const qr = tenders.find((t) => t.kind === 'qr' && t.status === 'pending');
  const payUrl =
    qr && signPayUrl
      ? signPayUrl(
          {
            terminal_id: who.terminal_id,
            sale_id: sale.id,
            tender_no: qr.tender_no,
            amount_fen: qr.amount_fen,
          },
          nowMs,
          qr.via ?? 'qr',
        )
      : null;
  const job = latestJobForSale(db, sale.id);
  const change = tenders.find((t) => t.kind === 'cash')?.change_fen ?? 0;
  return {
    pay_url: payUrl,
    sale_id: sale.id,
    receipt_no: sale.receipt_no,
    status: sale.status,
    total_fen: sale.total_fen,
    change_fen: change,
    print_job_id: job?.id ?? null,
    replayed: true,
  };
}

export function completeSale(
  db: Db,
  who: TerminalIdentity,
  cashier: Cashier,
  input: CartInput & { tenders: TenderInput[]; sale_id?: string },
  nowMs: number,
  signPayUrl?: PayUrlSigner,
): CompletedSale {
  const committed = input.sale_id ? getSale(db, input.sale_id) : null;
  if (committed) return replayed(db, committed, input, signPayUrl, who, nowMs);
  const { priced } = priceCart(db, input, getTillSettings(db).rounding);
  if (priced.total_fen === 0) throw new CodedError('invalid_cart', 'the total is 0: void the sale instead');
  const planned = planTenders(priced.total_fen, input.tenders);
  const saleId = input.sale_id ?? newId(nowMs);

  return tx(db, (): CompletedSale => {
    for (const t of planned) {
      if (t.kind !== 'account' || !t.buyer_id) continue;
      const buyer = getBuyer(db, t.buyer_id);
      if (!buyer) throw new CodedError('not_found', `buyer ${t.buyer_id} is not known at this stall`);
      const room = buyer.credit_limit_fen - buyer.balance_fen;
      if (t.amount_fen > room)
        throw new CodedError(
          'credit_limit_exceeded',
          `${buyer.name} can buy ${Math.max(0, room)} fen more on account (limit ${buyer.credit_limit_fen}, owing ${buyer.balance_fen})`,
        );
    }
    const day = openBusinessDay(db, who, nowMs);
    const shift = ensureOpenShift(db, cashier, day, nowMs);
    const daySeq = nextDaySeq(db, day);
    const status = saleStatusOf(priced.total_fen, planned);
    const sale: SaleRow = {
      id: saleId,
      receipt_no: `${who.terminal_id}-${day}-${String(daySeq).padStart(4, '0')}`,
      business_day: day,
      day_seq: daySeq,
      status,
      subtotal_fen: priced.subtotal_fen,
      line_discount_fen: priced.line_discount_fen,
      sale_discount_fen: priced.sale_discount_fen,
      rounding_fen: priced.rounding_fen,
      total_fen: priced.total_fen,
      cashier_id: cashier.id,
      shift_id: shift.id,
      created_ms: nowMs,
    };
    const tenders: TenderRow[] = planned.map((t) => ({ ...t, sale_id: saleId, updated_ms: nowMs }));
    insertSale(db, sale, priced.lines, tenders);
    dropCurrentSale(db, saleId);
    takeBargains(db, saleId, input);
    const payload: EntryPayload<'sale.completed'> = {
      sale_id: saleId,
      receipt_no: sale.receipt_no,
      business_day: day,
      cashier: cashier.name,
      cashier_id: cashier.id,
      shift_id: shift.id,
      stall_id: who.stall_id,
      status,
      subtotal_fen: sale.subtotal_fen,
      line_discount_fen: sale.line_discount_fen,
      sale_discount_fen: sale.sale_discount_fen,
      rounding_fen: sale.rounding_fen,
      total_fen: sale.total_fen,
      at_ms: nowMs,
      lines: priced.lines,
      tenders: planned.map(
        ({ tender_no, kind, amount_fen, tendered_fen, change_fen, status: s, buyer_id, via }) => ({
          tender_no,
          kind,
          amount_fen,
          tendered_fen,
          change_fen,
          status: s,
          buyer_id,
          ...(via ? { via } : {}),
        }),
      ),
    };
    const entry = appendJournal(db, 'sale.completed', payload, nowMs);
    for (const t of planned)
      if (t.kind === 'account' && t.buyer_id) recordBuyerDelta(db, t.buyer_id, entry.seq, t.amount_fen);
    const qr = planned.find((t) => t.kind === 'qr' && t.status === 'pending');
    const payUrl =
      qr && signPayUrl
        ? signPayUrl(
            {
              terminal_id: who.terminal_id,
              sale_id: saleId,
              tender_no: qr.tender_no,
              amount_fen: qr.amount_fen,
            },
            nowMs,
            qr.via ?? 'qr',
          )
        : null;
    // A payment code's receipt waits for the institution's answer (the caller prints it then); any other prints as it is.
    const doc = receiptFromRows(db, who, sale, priced.lines, planned, cashier.name);
    const jobId = planned.some((t) => t.kind === 'payment_code')
      ? null
      : enqueuePrintJob(db, saleId, payUrl ? { ...doc, pay_url: payUrl } : doc, nowMs);
    const change = planned.find((t) => t.kind === 'cash')?.change_fen ?? 0;
    return {
      pay_url: payUrl,
      sale_id: saleId,
      receipt_no: sale.receipt_no,
      status,
      total_fen: sale.total_fen,
      change_fen: change,
      print_job_id: jobId,
      replayed: false,
    };
  });
}
