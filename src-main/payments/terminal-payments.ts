/**
 * The till's side of institution payments (issue 7). It pulls payment updates
 * from the server while online — at once when the server's event stream says
 * one was appended or the stream (re)connects (src-main/sync/event-stream.ts),
 * and every 30 s as a safety net — and turns pending tenders paid or failed through `settleTender`;
 * it charges payment codes through the server (refused at once while
 * offline: the cashier is offered QR, cash or on account); it asks the server
 * about an order on the cashier's request.
 */
import { api } from '../../shared/api';
import { CodedError } from '../../shared/contract/envelope';
import { type OrderView, type PaymentUpdate } from '../../shared/pay/payments-wire';
import { saleTenders } from '../sales/sale-store';
import { settleTender, type TenderAnswer } from '../sales/tender-status';
import { statusOfOrder, type TenderStatus } from '../../shared/sales/outcome';
import { walletOf } from '../../shared/sales/takings';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { stmt } from '../store/sql';
import { callServer, ServerError, type ServerLink } from '../sync/server-client';
import { flushRefunds, pendingRefunds, queueRefunds, type RefundOutcome } from './institution-refunds';

export const PAYMENTS_CURSOR_KEY = 'payments_cursor';
/** The safety poll of payment updates while online; the event stream brings them at once. */
export const PAYMENT_PULL_MS = 30_000;

export interface TenderPaymentState {
  tender_no: number;
  kind: string;
  status: TenderStatus;
  /** the institution order's state, when the server was asked */
  state: OrderView['state'] | null;
  message: string | null;
}

/** A refund the server could not settle yet (the order's split on the wire, no answer from the institution) goes again after this, doubling up to a minute. */
export const REFUND_RETRY_MS = 2_000;
const REFUND_RETRY_MAX_MS = 60_000;

export class TerminalPayments {
  private timer: NodeJS.Timeout | null = null;
  private refundTimer: NodeJS.Timeout | null = null;
  private refundRetryMs = REFUND_RETRY_MS;
  private stopped = false;
  private pulling: Promise<number> | null = null;
  /** asked to pull while a pull was on the wire: it pulls once more before it ends */
  private again = false;
  private flushing: Promise<RefundOutcome[]> | null = null;

  constructor(
    private readonly db: Db,
    private readonly link: ServerLink,
    private readonly o: { online(): boolean; changed(): void; now(): number; pull_ms?: number },
  ) {}

  start(): void {
    const tick = (): void => {
      if (this.o.online())
        void this.pull()
          .then(() => this.flushRefunds())
          .catch(() => 0);
      this.timer = setTimeout(tick, this.o.pull_ms ?? PAYMENT_PULL_MS);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.refundTimer) clearTimeout(this.refundTimer);
    this.refundTimer = null;
    await this.pulling?.catch(() => 0);
    await this.flushing?.catch(() => []);
  }

  /** Applies one update; an update for a sale this till does not have (wiped, another till) is skipped. */
  apply(u: Pick<PaymentUpdate, 'sale_id' | 'tender_no' | 'external_ref'> & TenderAnswer): boolean {
    try {
      return settleTender(this.db, u.sale_id, u.tender_no, u, this.o.now()).changed;
    } catch (err) {
      if (err instanceof CodedError && (err.code === 'not_found' || err.code === 'conflict')) return false;
      throw err;
    }
  }

  /** Pulls every update after the stored cursor; answers how many tenders changed. One pull at a time; a call during one makes it go round once more. */
  pull(): Promise<number> {
    if (this.pulling) this.again = true;
    this.pulling ??= this.pullAll().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  private async pullAll(): Promise<number> {
    let changed = 0;
    for (let round = 0; round < 100; round++) {
      this.again = false;
      const after = Number(getSetting(this.db, PAYMENTS_CURSOR_KEY) ?? '0');
      const r = await callServer(this.link, api.terminalPaymentsPull, { query: { after } });
      for (const u of r.updates) if (this.apply(updateAnswer(u))) changed++;
      if (r.cursor > after) setSetting(this.db, PAYMENTS_CURSOR_KEY, String(r.cursor));
      // A pull asked for during this request may be about an update appended after the server read: go round once more.
      if ((r.updates.length === 0 || r.cursor <= after) && !this.again) break;
    }
    if (changed > 0) this.o.changed();
    return changed;
  }

  /**
   * After a till refund committed: its QR and payment-code parts go back
   * through the server to the institution (queued first, so an offline or
   * failed call is sent again on the next pull).
   */
  async refundTenders(r: {
    refund_id: string;
    tenders: readonly { tender_no: number; kind: string; amount_fen: number }[];
  }): Promise<RefundOutcome[]> {
    const inst = r.tenders.filter((t) => (t.kind === 'qr' || t.kind === 'payment_code') && t.amount_fen > 0);
    const row = stmt(this.db, 'SELECT sale_id, reason FROM refund WHERE id = ?').get(r.refund_id) as
      { sale_id: string; reason: string } | undefined;
    if (inst.length === 0 || !row) return [];
    queueRefunds(
      this.db,
      inst.map((t) => ({
        refund_id: r.refund_id,
        sale_id: row.sale_id,
        tender_no: t.tender_no,
        amount_fen: t.amount_fen,
        reason: row.reason.slice(0, 80),
      })),
    );
    if (!this.o.online()) return [];
    return this.flushRefunds();
  }

  /** Sends the queued institution refunds (one flush at a time); what is left goes again soon, not only at the next pull. */
  flushRefunds(): Promise<RefundOutcome[]> {
    if (pendingRefunds(this.db).length === 0) return Promise.resolve([]);
    this.flushing ??= flushRefunds(this.db, this.link).finally(() => {
      this.flushing = null;
      this.retryRefundsLater();
    });
    return this.flushing;
  }

  private retryRefundsLater(): void {
    if (pendingRefunds(this.db).length === 0) {
      this.refundRetryMs = REFUND_RETRY_MS;
      return;
    }
    if (this.stopped || this.refundTimer) return;
    this.refundTimer = setTimeout(() => {
      this.refundTimer = null;
      // Offline: the pull after the link returns sends them.
      if (this.o.online()) void this.flushRefunds().catch(() => []);
    }, this.refundRetryMs);
    this.refundTimer.unref();
    this.refundRetryMs = Math.min(this.refundRetryMs * 2, REFUND_RETRY_MAX_MS);
  }

  /** Before a sale with a payment-code tender is committed: the code needs the server now. */
  requireOnline(tenders: readonly { kind: string }[]): void {
    if (tenders.some((t) => t.kind === 'payment_code') && !this.o.online()) {
      throw new CodedError(
        'conflict',
        '离线时不能使用付款码：请改用扫码（收款码）、现金或赊账 — a payment code needs the network; offer QR, cash or on account',
      );
    }
  }

  private applyView(saleId: string, tenderNo: number, v: OrderView): void {
    const status = statusOfOrder(v.state);
    if (status)
      this.apply({
        sale_id: saleId,
        tender_no: tenderNo,
        status,
        external_ref: status === 'paid' ? v.transaction_id : null,
        reason: v.message,
        wallet: walletOf(v.channel),
      });
  }

  /**
   * The cashier cancels a waiting tender: the server reverses the payment code (or closes the QR) at the
   * institution; an order paid meanwhile comes back paid. Needs the network.
   */
  async cancel(saleId: string, tenderNo: number): Promise<TenderPaymentState> {
    const t = saleTenders(this.db, saleId).find((x) => x.tender_no === tenderNo);
    if (!t) throw new CodedError('not_found', `sale ${saleId} has no tender ${tenderNo}`);
    if (t.status !== 'pending') throw new CodedError('conflict', `tender ${tenderNo} is already ${t.status}`);
    if (!this.o.online())
      throw new CodedError(
        'conflict',
        '离线时不能撤销付款：联网后再试 — cancelling a payment needs the network',
      );
    const v = await callServer(this.link, api.terminalPaymentCancel, {
      body: { sale_id: saleId, tender_no: tenderNo },
    });
    this.applyView(saleId, tenderNo, v);
    this.o.changed();
    return {
      tender_no: tenderNo,
      kind: t.kind,
      status: this.statusOf(saleId, tenderNo),
      state: v.state,
      message: v.message,
    };
  }

  /** Charges the sale's pending payment-code tenders (the code was kept as the tender's reference until now). */
  async chargeCodes(saleId: string): Promise<TenderPaymentState[]> {
    const out: TenderPaymentState[] = [];
    for (const t of saleTenders(this.db, saleId)) {
      if (t.kind !== 'payment_code' || t.status !== 'pending' || !t.external_ref) continue;
      const v = await callServer(this.link, api.terminalCodepay, {
        body: {
          sale_id: saleId,
          tender_no: t.tender_no,
          amount_fen: t.amount_fen,
          auth_code: t.external_ref,
        },
      });
      this.applyView(saleId, t.tender_no, v);
      // Still waiting (the buyer types the password): the till counts down to the server's reverse.
      if (v.deadline_ms)
        stmt(
          this.db,
          "UPDATE tender SET deadline_ms = ? WHERE sale_id = ? AND tender_no = ? AND status = 'pending'",
        ).run(v.deadline_ms, saleId, t.tender_no);
      out.push({
        tender_no: t.tender_no,
        kind: t.kind,
        status: this.statusOf(saleId, t.tender_no),
        state: v.state,
        message: v.message,
      });
    }
    if (out.length > 0) this.o.changed();
    return out;
  }

  private statusOf(saleId: string, tenderNo: number): TenderPaymentState['status'] {
    return saleTenders(this.db, saleId).find((x) => x.tender_no === tenderNo)?.status ?? 'pending';
  }

  /** The cashier's "query this order": asks the institution (through the server) about every pending tender of the sale. */
  async query(saleId: string): Promise<TenderPaymentState[]> {
    const tenders = saleTenders(this.db, saleId);
    if (tenders.length === 0) throw new CodedError('not_found', `no sale ${saleId} on this till`);
    const out: TenderPaymentState[] = [];
    for (const t of tenders) {
      if (t.kind !== 'qr' && t.kind !== 'payment_code') continue;
      let view: OrderView | null = null;
      if (t.status === 'pending') {
        view = await callServer(this.link, api.terminalPaymentQuery, {
          body: { sale_id: saleId, tender_no: t.tender_no },
        }).catch(async (err: unknown) => {
          // A payment code whose charge never reached the server (it was down, the link dropped): charge it now, under the
          // same order number, so it is charged once; the institution refuses a code gone stale (AUTHCODEEXPIRE).
          if (!(
            err instanceof ServerError &&
            err.code === 'not_found' &&
            t.kind === 'payment_code' &&
            t.external_ref
          ))
            return null;
          return callServer(this.link, api.terminalCodepay, {
            body: {
              sale_id: saleId,
              tender_no: t.tender_no,
              amount_fen: t.amount_fen,
              auth_code: t.external_ref,
            },
          }).catch(() => null);
        });
        if (view) this.applyView(saleId, t.tender_no, view);
      }
      out.push({
        tender_no: t.tender_no,
        kind: t.kind,
        status: this.statusOf(saleId, t.tender_no),
        state: view?.state ?? null,
        message: view?.message ?? null,
      });
    }
    this.o.changed();
    return out;
  }
}

/** A pulled update as the tender's answer: the order's state names the outcome (a revoked code is reversed, not failed). */
function updateAnswer(
  u: PaymentUpdate,
): Pick<PaymentUpdate, 'sale_id' | 'tender_no' | 'external_ref'> & TenderAnswer {
  const status = statusOfOrder(u.state) ?? u.status;
  return {
    sale_id: u.sale_id,
    tender_no: u.tender_no,
    external_ref: status === 'paid' ? u.external_ref : null,
    status,
    reason: u.reason ?? null,
    wallet: walletOf(u.channel),
  };
}
