/**
 * Sales, tender updates, refunds and voids from the journal, each with its
 * ledger entries (one per tender, keyed by sale/refund id and tender number,
 * so a re-sent entry never books twice).
 */
import type { z } from 'zod';
import type { entryPayloads } from '../../shared/journal/entries';
import { postEntry } from '../ledger/post';
import type { TxnType } from '../ledger/templates';
import type { Source, Trx } from './projections';

type P<T extends keyof typeof entryPayloads> = z.output<(typeof entryPayloads)[T]>;

/** Which sale template a tender kind books to; anything paid through the institution waits for its payment. */
export function saleTxnFor(kind: string): TxnType {
  if (kind === 'cash') return 'sale_cash';
  if (kind === 'account' || kind === 'credit' || kind === 'on_account') return 'sale_credit';
  return 'sale_qr';
}

function refundTxnFor(kind: string): TxnType {
  if (kind === 'cash') return 'refund_cash';
  if (kind === 'account') return 'refund_credit';
  return 'refund_qr';
}

export async function projectSale(trx: Trx, src: Source, s: P<'sale.completed'>): Promise<string | null> {
  const stall = src.terminal.stall_id;
  const discounts = s.line_discount_fen + s.sale_discount_fen;
  const expected = s.lines.reduce((a, l) => a + l.amount_fen, 0) - discounts + s.rounding_fen;
  if (expected !== s.total_fen) return `sale total ${s.total_fen} differs from its lines, discounts and rounding (${expected})`;
  const tendersSum = s.tenders.reduce((a, t) => a + t.amount_fen, 0);
  if (tendersSum !== s.total_fen) return `sale total ${s.total_fen} differs from its tenders ${tendersSum}`;
  if (s.tenders.some((t) => t.kind === 'account' && !t.buyer_id)) return 'on-account tender without a buyer';
  const dup = await trx.selectFrom('sale').select('id').where((eb) => eb.or([eb('id', '=', s.sale_id), eb('receipt_no', '=', s.receipt_no)])).executeTakeFirst();
  if (dup) return `sale ${s.sale_id} (${s.receipt_no}) is already recorded`;
  await trx
    .insertInto('sale')
    .values({ id: s.sale_id, terminal_id: src.terminal.id, stall_id: stall, receipt_no: s.receipt_no, business_day: s.business_day, total_fen: s.total_fen, cashier: s.cashier, at_ms: s.at_ms, received_ms: src.now_ms, status: s.status, discount_fen: discounts, rounding_fen: s.rounding_fen, shift_id: s.shift_id ?? null })
    .execute();
  await trx
    .insertInto('sale_line')
    .values(s.lines.map((l) => ({ sale_id: s.sale_id, line_no: l.line_no, product_id: l.product_id, name: l.name, unit: l.unit, quantity: l.quantity, unit_price_fen: l.unit_price_fen, amount_fen: l.amount_fen })))
    .execute();
  await trx
    .insertInto('sale_tender')
    .values(s.tenders.map((t) => ({ sale_id: s.sale_id, tender_no: t.tender_no, kind: t.kind, amount_fen: t.amount_fen, tendered_fen: t.tendered_fen, change_fen: t.change_fen, status: t.status, buyer_id: t.buyer_id, external_ref: null })))
    .execute();
  for (const t of s.tenders) {
    if (t.amount_fen <= 0 || t.status === 'failed') continue;
    const txn = saleTxnFor(t.kind);
    await postEntry(trx, { idem_key: `sale:${s.sale_id}:${t.tender_no}`, txn_type: txn, business_day: s.business_day, stall_id: stall, buyer_id: txn === 'sale_credit' ? t.buyer_id : null, amount_fen: t.amount_fen, ref: s.receipt_no }, src.now_ms);
  }
  return null;
}

export async function projectTenderUpdate(trx: Trx, src: Source, u: P<'tender.updated'>): Promise<string | null> {
  const sale = await trx.selectFrom('sale').select(['id', 'stall_id', 'business_day', 'receipt_no']).where('id', '=', u.sale_id).executeTakeFirst();
  if (!sale || sale.stall_id !== src.terminal.stall_id) return `tender update for unknown sale ${u.sale_id}`;
  const tender = await trx.selectFrom('sale_tender').select(['kind', 'status', 'amount_fen']).where('sale_id', '=', u.sale_id).where('tender_no', '=', u.tender_no).executeTakeFirst();
  if (!tender) return `tender update for unknown tender ${u.sale_id}#${u.tender_no}`;
  await trx.updateTable('sale_tender').set({ status: u.status, external_ref: u.external_ref }).where('sale_id', '=', u.sale_id).where('tender_no', '=', u.tender_no).execute();
  await trx.updateTable('sale').set({ status: u.sale_status }).where('id', '=', u.sale_id).execute();
  if (u.status === 'failed' && tender.status !== 'failed' && saleTxnFor(tender.kind) === 'sale_qr' && tender.amount_fen > 0) {
    await postEntry(trx, { idem_key: `tender-failed:${u.sale_id}:${u.tender_no}`, txn_type: 'payment_failed', business_day: sale.business_day, stall_id: sale.stall_id, amount_fen: tender.amount_fen, ref: sale.receipt_no }, src.now_ms);
  }
  return null;
}

export async function projectRefund(trx: Trx, src: Source, r: P<'refund.created'>): Promise<string | null> {
  const sale = await trx.selectFrom('sale').select(['id', 'stall_id']).where('id', '=', r.sale_id).executeTakeFirst();
  if (!sale || sale.stall_id !== src.terminal.stall_id) return `refund ${r.refund_no} of unknown sale ${r.sale_id}`;
  const sum = r.tenders.reduce((a, t) => a + t.amount_fen, 0);
  if (sum !== r.amount_fen) return `refund ${r.refund_no} amount ${r.amount_fen} differs from its tenders ${sum}`;
  if (await trx.selectFrom('refund').select('id').where('id', '=', r.refund_id).executeTakeFirst()) return `refund ${r.refund_id} is already recorded`;
  const saleTenders = await trx.selectFrom('sale_tender').select(['tender_no', 'kind', 'buyer_id']).where('sale_id', '=', r.sale_id).execute();
  await trx
    .insertInto('refund')
    .values({ id: r.refund_id, refund_no: r.refund_no, sale_id: r.sale_id, terminal_id: src.terminal.id, stall_id: sale.stall_id, business_day: r.business_day, cashier_id: r.cashier_id, approved_by: r.approved_by, amount_fen: r.amount_fen, reason: r.reason, at_ms: src.at_ms })
    .execute();
  if (r.tenders.length > 0) await trx.insertInto('refund_tender').values(r.tenders.map((t) => ({ refund_id: r.refund_id, tender_no: t.tender_no, kind: t.kind, amount_fen: t.amount_fen }))).execute();
  for (const t of r.tenders) {
    if (t.amount_fen <= 0) continue;
    const txn = refundTxnFor(t.kind);
    const buyer = txn === 'refund_credit' ? (saleTenders.find((x) => x.tender_no === t.tender_no)?.buyer_id ?? saleTenders.find((x) => x.kind === 'account')?.buyer_id ?? null) : null;
    if (txn === 'refund_credit' && !buyer) return `refund ${r.refund_no} to an account tender without a buyer`;
    await postEntry(trx, { idem_key: `refund:${r.refund_id}:${t.tender_no}`, txn_type: txn, business_day: r.business_day, stall_id: sale.stall_id, buyer_id: buyer, amount_fen: t.amount_fen, ref: r.refund_no }, src.now_ms);
  }
  return null;
}

export async function projectVoid(trx: Trx, src: Source, v: P<'sale.voided'>): Promise<string | null> {
  await trx
    .insertInto('sale_void')
    .values({ id: v.void_id, terminal_id: src.terminal.id, stall_id: src.terminal.stall_id, business_day: v.business_day, cashier_id: v.cashier_id, line_count: v.line_count, total_fen: v.total_fen, reason: v.reason, at_ms: src.at_ms })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return null;
}
