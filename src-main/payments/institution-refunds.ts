/**
 * Refunds of QR and payment-code tenders go back through the server to the
 * institution (原路退款). The till commits its refund locally first (journal,
 * receipt); the institution part is then sent, and kept in an outbox (the
 * settings table) until the server has accepted it, so a refund made while
 * offline or during a failed call is sent again on the next pull. The server
 * is idempotent by the till's refund id.
 */
import { api } from '../../shared/api';
import { type RefundViewWire } from '../../shared/pay/payments-wire';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { callServer, ServerError, type ServerLink } from '../sync/server-client';

export const REFUND_OUTBOX_KEY = 'payments_refund_outbox';

export interface InstitutionRefund {
  refund_id: string;
  sale_id: string;
  tender_no: number;
  amount_fen: number;
  reason: string;
}

export interface RefundOutcome extends InstitutionRefund {
  view: RefundViewWire | null;
  error: string | null;
}

function outbox(db: Db): InstitutionRefund[] {
  const raw = getSetting(db, REFUND_OUTBOX_KEY);
  return raw ? (JSON.parse(raw) as InstitutionRefund[]) : [];
}

function saveOutbox(db: Db, list: InstitutionRefund[]): void {
  setSetting(db, REFUND_OUTBOX_KEY, JSON.stringify(list));
}

const same = (a: InstitutionRefund, b: InstitutionRefund): boolean =>
  a.refund_id === b.refund_id && a.tender_no === b.tender_no;

/** Queues the institution part of a committed till refund. */
export function queueRefunds(db: Db, refunds: readonly InstitutionRefund[]): void {
  const list = outbox(db);
  for (const r of refunds) if (!list.some((x) => same(x, r))) list.push(r);
  saveOutbox(db, list);
}

export function pendingRefunds(db: Db): InstitutionRefund[] {
  return outbox(db);
}

/** Sends one refund to the server; a definite answer (accepted or refused) takes it out of the outbox. */
export async function sendRefund(db: Db, link: ServerLink, r: InstitutionRefund): Promise<RefundOutcome> {
  try {
    const view = await callServer(link, api.terminalPaymentRefund, { body: r });
    // Not known yet (the market's share is still being returned, or no answer from the institution): ask again later with the same id.
    if (!view.retry)
      saveOutbox(
        db,
        outbox(db).filter((x) => !same(x, r)),
      );
    return { ...r, view, error: view.state === 'refused' ? view.message : null };
  } catch (err) {
    if (
      err instanceof ServerError &&
      err.status >= 400 &&
      err.status < 500 &&
      ![401, 408, 429].includes(err.status)
    ) {
      saveOutbox(
        db,
        outbox(db).filter((x) => !same(x, r)),
      );
      return { ...r, view: null, error: err.message };
    }
    return { ...r, view: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Sends every queued refund, oldest first. */
export async function flushRefunds(db: Db, link: ServerLink): Promise<RefundOutcome[]> {
  const out: RefundOutcome[] = [];
  for (const r of outbox(db)) out.push(await sendRefund(db, link, r));
  return out;
}
