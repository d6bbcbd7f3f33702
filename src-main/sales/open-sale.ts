/**
 * What the cashier can do with an open sale (a tender failed, was reversed,
 * or still waits): take what is still owed with another tender on the same
 * sale, or void the sale when nothing was paid on it. Both journaled in the
 * change's transaction; the server projects them (tender.added,
 * open_sale.voided). Cancelling a waiting tender at the institution is
 * src-main/payments/terminal-payments.ts (it needs the server).
 */
import { CodedError } from '../../shared/contract/envelope';
import { isStanding, owedFen } from '../../shared/sales/outcome';
import { getBuyer, recordBuyerDelta } from '../buyers/buyer-store';
import type { Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';
import type { TerminalIdentity } from '../sync/identity';
import type { PayUrlSigner } from './complete-sale';
import { getSale, saleTenders, type SaleRow, type TenderRow } from './sale-store';
import { refreshSaleStatus } from './tender-status';
import { planTenders, type TenderInput } from './tenders';

/** Tenders one sale may carry, the failed and reversed ones included (each retry is one more). */
export const MAX_TENDERS_PER_SALE = 12;

function openSale(db: Db, saleId: string): SaleRow {
  const sale = getSale(db, saleId);
  if (!sale) throw new CodedError('not_found', `no sale ${saleId} on this till`);
  if (sale.status !== 'pending')
    throw new CodedError(
      'conflict',
      sale.status === 'voided' ? '这笔已作废 — the sale was voided' : '这笔已收齐 — the sale is completed',
    );
  return sale;
}

export interface AddedTender {
  sale_id: string;
  tender_no: number;
  status: SaleRow['status'];
  owed_fen: number;
  change_fen: number;
  pay_url: string | null;
}

/** Takes what the sale still owes with one more tender (cash gives change; any other kind must be the amount owed). */
export function addTender(
  db: Db,
  who: TerminalIdentity,
  saleId: string,
  input: TenderInput,
  nowMs: number,
  signPayUrl?: PayUrlSigner,
): AddedTender {
  return tx(db, (): AddedTender => {
    const sale = openSale(db, saleId);
    const tenders = saleTenders(db, saleId);
    const owed = owedFen(sale.total_fen, tenders);
    if (owed === 0)
      throw new CodedError(
        'conflict',
        '这笔没有待补收的金额：等待付款结果，或先取消正在等待的付款 — nothing is owed: wait for the pending payment or cancel it',
      );
    if (tenders.length >= MAX_TENDERS_PER_SALE)
      throw new CodedError(
        'conflict',
        `a sale takes at most ${MAX_TENDERS_PER_SALE} tenders: void it and sell again`,
      );
    const [planned] = planTenders(owed, [input]);
    if (!planned) throw new CodedError('bad_request', 'no tender given');
    const tenderNo = Math.max(...tenders.map((t) => t.tender_no)) + 1;
    if (planned.kind === 'account' && planned.buyer_id) {
      const buyer = getBuyer(db, planned.buyer_id);
      if (!buyer) throw new CodedError('not_found', `buyer ${planned.buyer_id} is not known at this stall`);
      const room = buyer.credit_limit_fen - buyer.balance_fen;
      if (planned.amount_fen > room)
        throw new CodedError(
          'credit_limit_exceeded',
          `${buyer.name} can buy ${Math.max(0, room)} fen more on account (limit ${buyer.credit_limit_fen}, owing ${buyer.balance_fen})`,
        );
    }
    const row: TenderRow = { ...planned, tender_no: tenderNo, sale_id: saleId, updated_ms: nowMs };
    stmt(
      db,
      `INSERT INTO tender (sale_id, tender_no, kind, amount_fen, tendered_fen, change_fen, status, buyer_id, external_ref, via, updated_ms)
       VALUES (@sale_id, @tender_no, @kind, @amount_fen, @tendered_fen, @change_fen, @status, @buyer_id, @external_ref, @via, @updated_ms)`,
    ).run(row);
    const status = refreshSaleStatus(db, saleId);
    const { kind, amount_fen, tendered_fen, change_fen, buyer_id, via } = row;
    const entry = appendJournal(
      db,
      'tender.added',
      {
        sale_id: saleId,
        tender: {
          tender_no: tenderNo,
          kind,
          amount_fen,
          tendered_fen,
          change_fen,
          status: row.status,
          buyer_id,
          ...(via ? { via } : {}),
        },
        sale_status: status,
      },
      nowMs,
    );
    if (kind === 'account' && buyer_id) recordBuyerDelta(db, buyer_id, entry.seq, amount_fen);
    const payUrl =
      kind === 'qr' && signPayUrl
        ? signPayUrl(
            { terminal_id: who.terminal_id, sale_id: saleId, tender_no: tenderNo, amount_fen },
            nowMs,
            via ?? 'qr',
          )
        : null;
    return {
      sale_id: saleId,
      tender_no: tenderNo,
      status,
      owed_fen: owedFen(sale.total_fen, saleTenders(db, saleId)),
      change_fen,
      pay_url: payUrl,
    };
  });
}

/**
 * Voids an open sale on which nothing was paid (every tender failed, reversed
 * or closed — waiting ones are cancelled at the institution first). A paid
 * part must go back by a refund first.
 */
export function voidSale(
  db: Db,
  cashier: Cashier,
  saleId: string,
  reason: string,
  nowMs: number,
): { sale_id: string; status: 'voided' } {
  return tx(db, () => {
    const sale = openSale(db, saleId);
    const standing = saleTenders(db, saleId).filter((t) => isStanding(t.status));
    if (standing.some((t) => t.status === 'pending'))
      throw new CodedError(
        'conflict',
        '还有付款在等待：先取消它再作废 — a tender still waits: cancel it first',
      );
    if (standing.length > 0)
      throw new CodedError(
        'conflict',
        '这笔已收了一部分：请先退款再作废 — part of the sale is paid: refund it first',
      );
    stmt(db, "UPDATE sale SET status = 'voided' WHERE id = ?").run(saleId);
    appendJournal(
      db,
      'open_sale.voided',
      {
        sale_id: saleId,
        business_day: sale.business_day,
        cashier_id: cashier.id,
        approved_by: cashier.role === 'manager' ? cashier.id : null,
        total_fen: sale.total_fen,
        reason,
      },
      nowMs,
    );
    return { sale_id: saleId, status: 'voided' as const };
  });
}
