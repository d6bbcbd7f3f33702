/**
 * Tender updates, refunds and voids from the journal, each with its ledger
 * entries (one per tender, keyed by sale/refund id and tender number, so a
 * re-sent entry never books twice). Completed sales are in sale-batch.ts.
 */
import type { z } from 'zod';
import type { entryPayloads } from '../../shared/journal/entries';
import { postEntry } from '../ledger/post';
import { refundTxnFor, saleTxnFor } from './tender-kinds';
import { isStanding, type TenderStatus } from '../../shared/sales/outcome';
import type { Source, Trx } from './projection-source';

type P<T extends keyof typeof entryPayloads> = z.output<(typeof entryPayloads)[T]>;

export async function projectTenderUpdate(
  trx: Trx,
  src: Source,
  u: P<'tender.updated'>,
): Promise<string | null> {
  const sale = await trx
    .selectFrom('sale')
    .select(['id', 'stall_id', 'business_day', 'receipt_no'])
    .where('id', '=', u.sale_id)
    .executeTakeFirst();
  if (!sale || sale.stall_id !== src.terminal.stall_id) return `tender update for unknown sale ${u.sale_id}`;
  const tender = await trx
    .selectFrom('sale_tender')
    .select(['kind', 'status', 'amount_fen'])
    .where('sale_id', '=', u.sale_id)
    .where('tender_no', '=', u.tender_no)
    .executeTakeFirst();
  if (!tender) return `tender update for unknown tender ${u.sale_id}#${u.tender_no}`;
  await trx
    .updateTable('sale_tender')
    .set({
      status: u.status,
      external_ref: u.external_ref,
      reason: u.reason ?? null,
      wallet: u.wallet ?? null,
    })
    .where('sale_id', '=', u.sale_id)
    .where('tender_no', '=', u.tender_no)
    .execute();
  await trx.updateTable('sale').set({ status: u.sale_status }).where('id', '=', u.sale_id).execute();
  // A wallet tender that will not be paid (failed, revoked, closed) takes back the sale it booked, once.
  if (
    !isStanding(u.status) &&
    isStanding(tender.status as TenderStatus) &&
    saleTxnFor(tender.kind) === 'sale_qr' &&
    tender.amount_fen > 0
  ) {
    await postEntry(
      trx,
      {
        idem_key: `tender-failed:${u.sale_id}:${u.tender_no}`,
        txn_type: 'payment_failed',
        business_day: sale.business_day,
        stall_id: sale.stall_id,
        amount_fen: tender.amount_fen,
        ref: sale.receipt_no,
      },
      src.now_ms,
    );
  }
  return null;
}

/** Another tender on an open sale (what a failed one left owed), booked like a sale's tender. */
export async function projectTenderAdded(
  trx: Trx,
  src: Source,
  a: P<'tender.added'>,
): Promise<string | null> {
  const sale = await trx
    .selectFrom('sale')
    .select(['id', 'stall_id', 'business_day', 'receipt_no', 'total_fen'])
    .where('id', '=', a.sale_id)
    .executeTakeFirst();
  if (!sale || sale.stall_id !== src.terminal.stall_id) return `tender added to unknown sale ${a.sale_id}`;
  const t = a.tender;
  if (
    await trx
      .selectFrom('sale_tender')
      .select('tender_no')
      .where('sale_id', '=', a.sale_id)
      .where('tender_no', '=', t.tender_no)
      .executeTakeFirst()
  )
    return `tender ${a.sale_id}#${t.tender_no} is already recorded`;
  if (t.kind === 'account' && !t.buyer_id) return 'on-account tender without a buyer';
  await trx
    .insertInto('sale_tender')
    .values({
      sale_id: a.sale_id,
      tender_no: t.tender_no,
      kind: t.kind,
      amount_fen: t.amount_fen,
      tendered_fen: t.tendered_fen,
      change_fen: t.change_fen,
      status: t.status,
      buyer_id: t.buyer_id,
      external_ref: null,
    })
    .execute();
  await trx.updateTable('sale').set({ status: a.sale_status }).where('id', '=', a.sale_id).execute();
  if (t.amount_fen > 0 && isStanding(t.status)) {
    const txn = saleTxnFor(t.kind);
    await postEntry(
      trx,
      {
        idem_key: `sale:${a.sale_id}:${t.tender_no}`,
        txn_type: txn,
        business_day: sale.business_day,
        stall_id: sale.stall_id,
        buyer_id: txn === 'sale_credit' ? t.buyer_id : null,
        amount_fen: t.amount_fen,
        ref: sale.receipt_no,
      },
      src.now_ms,
    );
  }
  return null;
}

/** An open sale given up with nothing paid: no takings (its tenders' bookings were already taken back). */
export async function projectOpenSaleVoided(
  trx: Trx,
  src: Source,
  v: P<'open_sale.voided'>,
): Promise<string | null> {
  const sale = await trx
    .selectFrom('sale')
    .select(['id', 'stall_id'])
    .where('id', '=', v.sale_id)
    .executeTakeFirst();
  if (!sale || sale.stall_id !== src.terminal.stall_id) return `void of unknown sale ${v.sale_id}`;
  const standing = await trx
    .selectFrom('sale_tender')
    .select('tender_no')
    .where('sale_id', '=', v.sale_id)
    .where('status', 'in', ['paid', 'pending'])
    .execute();
  if (standing.length > 0)
    return `void of sale ${v.sale_id} with ${standing.length} tender(s) still standing`;
  await trx.updateTable('sale').set({ status: 'voided' }).where('id', '=', v.sale_id).execute();
  return null;
}

export async function projectRefund(trx: Trx, src: Source, r: P<'refund.created'>): Promise<string | null> {
  const sale = await trx
    .selectFrom('sale')
    .select(['id', 'stall_id'])
    .where('id', '=', r.sale_id)
    .executeTakeFirst();
  if (!sale || sale.stall_id !== src.terminal.stall_id)
    return `refund ${r.refund_no} of unknown sale ${r.sale_id}`;
  const sum = r.tenders.reduce((a, t) => a + t.amount_fen, 0);
  if (sum !== r.amount_fen)
    return `refund ${r.refund_no} amount ${r.amount_fen} differs from its tenders ${sum}`;
  if (await trx.selectFrom('refund').select('id').where('id', '=', r.refund_id).executeTakeFirst())
    return `refund ${r.refund_id} is already recorded`;
  const saleTenders = await trx
    .selectFrom('sale_tender')
    .select(['tender_no', 'kind', 'buyer_id'])
    .where('sale_id', '=', r.sale_id)
    .execute();
  await trx
    .insertInto('refund')
    .values({
      id: r.refund_id,
      refund_no: r.refund_no,
      sale_id: r.sale_id,
      terminal_id: src.terminal.id,
      stall_id: sale.stall_id,
      business_day: r.business_day,
      cashier_id: r.cashier_id,
      approved_by: r.approved_by,
      amount_fen: r.amount_fen,
      reason: r.reason,
      at_ms: src.at_ms,
    })
    .execute();
  if (r.tenders.length > 0)
    await trx
      .insertInto('refund_tender')
      .values(
        r.tenders.map((t) => ({
          refund_id: r.refund_id,
          tender_no: t.tender_no,
          kind: t.kind,
          amount_fen: t.amount_fen,
        })),
      )
      .execute();
  for (const t of r.tenders) {
    if (t.amount_fen <= 0) continue;
    const txn = refundTxnFor(t.kind);
    const buyer =
      txn === 'refund_credit'
        ? (saleTenders.find((x) => x.tender_no === t.tender_no)?.buyer_id ??
          saleTenders.find((x) => x.kind === 'account')?.buyer_id ??
          null)
        : null;
    if (txn === 'refund_credit' && !buyer)
      return `refund ${r.refund_no} to an account tender without a buyer`;
    await postEntry(
      trx,
      {
        idem_key: `refund:${r.refund_id}:${t.tender_no}`,
        txn_type: txn,
        business_day: r.business_day,
        stall_id: sale.stall_id,
        buyer_id: buyer,
        amount_fen: t.amount_fen,
        ref: r.refund_no,
      },
      src.now_ms,
    );
  }
  return null;
}

export async function projectVoid(trx: Trx, src: Source, v: P<'sale.voided'>): Promise<string | null> {
  await trx
    .insertInto('sale_void')
    .values({
      id: v.void_id,
      terminal_id: src.terminal.id,
      stall_id: src.terminal.stall_id,
      business_day: v.business_day,
      cashier_id: v.cashier_id,
      line_count: v.line_count,
      total_fen: v.total_fen,
      reason: v.reason,
      at_ms: src.at_ms,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return null;
}
