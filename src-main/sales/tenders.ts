/**
 * Splitting a sale's total over its tenders. Non-cash tenders take their
 * stated amounts; one cash tender, if any, covers the rest and gives change.
 * QR and payment-code tenders stay pending until the payment flow confirms them.
 * A QR or payment-code tender above the code limit is refused
 * (`qr_limit_exceeded`, with the reason); the same amount as a QR tender
 * `via: 'gateway'` is paid through the institution's B2B bank page.
 */
import { CodedError } from '../../shared/contract/envelope';
import type { TenderKind, TenderStatus, TenderVia } from '../../shared/journal/entries';
import { codeLimitDecision } from '../../shared/pay/qr-limits';
import { TENDERS_PER_SALE_MAX } from '../../shared/limits';
import { classifyScan } from '../../shared/scan/classify';

export type TenderInput =
  | { kind: 'cash'; tendered_fen: number }
  | { kind: 'qr'; amount_fen: number; via?: TenderVia }
  | { kind: 'payment_code'; amount_fen: number; code: string }
  | { kind: 'account'; amount_fen: number; buyer_id: string };

export interface PlannedTender {
  tender_no: number;
  kind: TenderKind;
  amount_fen: number;
  tendered_fen: number;
  change_fen: number;
  status: TenderStatus;
  buyer_id: string | null;
  external_ref: string | null;
  /** a QR tender paid through the B2B bank gateway instead of a wallet; null otherwise */
  via: TenderVia | null;
}

/** Refuses a wallet tender the code limits do not allow, saying why and what to use instead. */
function checkCodeLimit(t: Exclude<TenderInput, { kind: 'cash' }>): void {
  if (t.kind === 'account' || (t.kind === 'qr' && t.via === 'gateway')) return;
  const scanned = t.kind === 'payment_code' ? classifyScan(t.code) : null;
  const d = codeLimitDecision(
    t.amount_fen,
    t.kind,
    scanned?.kind === 'payment_code' ? scanned.provider : undefined,
  );
  if (!d.allowed) throw new CodedError('qr_limit_exceeded', `${d.reason_zh} — ${d.reason_en}`);
}

export function planTenders(totalFen: number, inputs: readonly TenderInput[]): PlannedTender[] {
  if (inputs.length === 0 || inputs.length > TENDERS_PER_SALE_MAX)
    throw new CodedError('bad_request', `a sale takes 1 to ${TENDERS_PER_SALE_MAX} tenders`);
  const cash = inputs.filter((t) => t.kind === 'cash');
  if (cash.length > 1) throw new CodedError('bad_request', 'at most one cash tender');
  const others = inputs.filter((t): t is Exclude<TenderInput, { kind: 'cash' }> => t.kind !== 'cash');
  let nonCash = 0;
  const planned: PlannedTender[] = others.map((t, i) => {
    if (!Number.isSafeInteger(t.amount_fen) || t.amount_fen <= 0)
      throw new CodedError('bad_request', `${t.kind} tender amount must be positive`);
    checkCodeLimit(t);
    nonCash += t.amount_fen;
    return {
      tender_no: i + 1,
      kind: t.kind,
      amount_fen: t.amount_fen,
      tendered_fen: t.amount_fen,
      change_fen: 0,
      status: t.kind === 'account' ? 'paid' : 'pending',
      buyer_id: t.kind === 'account' ? t.buyer_id : null,
      external_ref: t.kind === 'payment_code' ? t.code : null,
      via: t.kind === 'qr' ? (t.via ?? null) : null,
    };
  });
  if (nonCash > totalFen)
    throw new CodedError(
      'insufficient_tender',
      `tenders (${nonCash} fen) exceed the total (${totalFen} fen)`,
    );
  const rest = totalFen - nonCash;
  const c = cash[0];
  if (!c) {
    if (rest !== 0) throw new CodedError('insufficient_tender', `tenders leave ${rest} fen unpaid`);
    return planned;
  }
  if (rest === 0) throw new CodedError('bad_request', 'nothing is left to pay in cash');
  if (c.tendered_fen < rest)
    throw new CodedError(
      'insufficient_tender',
      `cash given (${c.tendered_fen} fen) is less than the ${rest} fen due`,
    );
  planned.push({
    tender_no: planned.length + 1,
    kind: 'cash',
    amount_fen: rest,
    tendered_fen: c.tendered_fen,
    change_fen: c.tendered_fen - rest,
    status: 'paid',
    buyer_id: null,
    external_ref: null,
    via: null,
  });
  return planned;
}
