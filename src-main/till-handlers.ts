/**
 * The selling domain's handlers for the contract: each one is a thin call
 * into a domain module, with the signed-in cashier and the clock.
 */
import { CodedError } from '../shared/contract/envelope';
import { listBuyers } from './buyers/buyer-store';
import { approveBargain } from './sales/bargains';
import type { TerminalPayments } from './payments/terminal-payments';
import type { PrintQueue } from './print/print-queue';
import { planRefund, refundSale } from './refunds/refund';
import type { HandlerMap } from './rpc/registry';
import type { PayUrlSigner } from './sales/complete-sale';
import { saleCompleteCall } from './sales/sale-complete-call';
import { listParked, parkSale, resumeParked, voidOpenSale } from './sales/park-void';
import { saleDetail } from './sales/sale-detail';
import { getSale, recentSales, saleSummary, saleTenders } from './sales/sale-store';
import { getCurrentSale, setCurrentSale } from './sales/current-sale';
import { addTender, voidSale } from './sales/open-sale';
import { saleReceipt } from './sales/receipt-doc';
import { refundSlipDoc } from './refunds/refund-slip';
import { owedFen } from '../shared/sales/outcome';
import type { TillSession } from './cashiers/session';
import { closeDay, dayReport } from './shifts/day-close';
import { closeShift, expectedCash, openShift, openShiftOf, shiftById, shiftTakings } from './shifts/shift';
import { shiftSlip, zReportSlip } from './shifts/report-slips';
import { openBusinessDay } from './sales/business-day';
import type { Db } from './store/db';
import type { TerminalIdentity } from './sync/identity';

export interface TillContext {
  db: Db;
  who: TerminalIdentity;
  session: TillSession;
  printQueue: PrintQueue;
  signPayUrl?: PayUrlSigner;
  /** institution payments: payment codes are charged through the server, pending tenders queried */
  payments?: TerminalPayments;
  /** a journaled change happened: sync and status should know */
  changed(): void;
  now(): number;
}

export function tillHandlers(ctx: TillContext): Partial<HandlerMap> {
  const { db, who, session } = ctx;
  const journaled = <T>(v: T): T => {
    ctx.changed();
    return v;
  };
  return {
    'cashier-signin': ({ pin }) => journaled(session.signIn(pin, ctx.now())),
    'cashier-signout': ({ manager_pin }) => journaled(session.signOut(ctx.now(), manager_pin)),
    'buyers-list': () => ({ buyers: listBuyers(db) }),
    'price-override': (input) => journaled(approveBargain(db, session.require(), input, ctx.now())),
    'sale-complete': (input) => saleCompleteCall(ctx, session.require(), input),
    'current-sale-set': (sale) => setCurrentSale(db, session.require(), sale, ctx.now()),
    'current-sale-get': ({ sale_id }) => {
      const committed = sale_id ? getSale(db, sale_id) : null;
      return { current: getCurrentSale(db), committed: committed && saleSummary(db, committed) };
    },
    'sale-park': ({ label, buyer_id, sale_id, ...cart }) =>
      journaled({
        parked_id: parkSale(db, session.require(), cart, { label, buyer_id, sale_id }, ctx.now()).id,
      }),
    'parked-list': () => ({
      parked: listParked(db).map(({ id, label, buyer_id, buyer_name, line_count, total_fen, parked_ms }) => ({
        id,
        label,
        buyer_id,
        buyer_name,
        line_count,
        total_fen,
        parked_ms,
      })),
    }),
    'sale-resume': ({ parked_id, sale_id }) => {
      const p = resumeParked(db, session.require(), parked_id, sale_id, ctx.now());
      return journaled({ cart: p.cart, label: p.label, buyer_id: p.buyer_id });
    },
    'sale-void': ({ reason, sale_id, ...cart }) =>
      journaled(voidOpenSale(db, who, session.require(), cart, reason, ctx.now(), sale_id)),
    'sales-recent': ({ query, limit }) => ({
      sales: recentSales(db, limit, query ?? null).map((sale) => saleSummary(db, sale)),
    }),
    'refund-preview': (input) => {
      const { amount_fen, whole, needs_manager, lines, tenders } = planRefund(db, session.require(), input);
      return { amount_fen, whole, needs_manager, lines, tenders };
    },
    'refund-create': async (input) => {
      const refund = journaled(refundSale(db, who, session.require(), input, ctx.now()));
      // QR and payment-code parts go back through the institution (queued, resent until the server accepts them).
      await ctx.payments?.refundTenders(refund).catch(() => []);
      // Every refund prints its slip (退款单); a printer problem leaves it queued, the refund stands.
      await ctx.printQueue
        .print(
          ctx.printQueue.enqueue(
            refundSlipDoc(db, who, refund.refund_id),
            refundSaleId(db, refund.refund_id),
          ),
        )
        .catch(() => null);
      ctx.changed();
      return refund;
    },
    'sale-add-tender': async ({ sale_id, tender }) => {
      session.require();
      ctx.payments?.requireOnline([tender]);
      const added = journaled(addTender(db, who, sale_id, tender, ctx.now(), ctx.signPayUrl));
      if (tender.kind === 'payment_code') await ctx.payments?.chargeCodes(sale_id).catch(() => []);
      // The receipt prints once the outcome is known, from the sale as it is now.
      const doc = saleReceipt(db, who, sale_id);
      const outcome = await ctx.printQueue.print(
        ctx.printQueue.enqueue(added.pay_url ? { ...doc, pay_url: added.pay_url } : doc, sale_id),
      );
      ctx.changed();
      const now = saleDetailStatus(db, sale_id);
      return {
        ...added,
        ...now,
        printed: outcome.printed,
        print_error: outcome.printed ? null : outcome.error,
      };
    },
    'tender-cancel': async ({ sale_id, tender_no }) => {
      session.require();
      if (!ctx.payments) throw new CodedError('conflict', 'payments are not available on this till');
      return ctx.payments.cancel(sale_id, tender_no);
    },
    'sale-void-open': ({ sale_id, reason }) =>
      journaled(voidSale(db, session.require(), sale_id, reason, ctx.now())),
    'shift-open': ({ float_fen }) => {
      const cashier = session.require();
      const now = ctx.now();
      return journaled(openShift(db, cashier, openBusinessDay(db, who, now), float_fen, now));
    },
    'shift-close': ({ counted_fen }) => journaled(closeShift(db, session.require(), counted_fen, ctx.now())),
    'shift-current': () => {
      const shift = openShiftOf(db, session.require().id);
      return {
        shift,
        expected_cash_fen: shift ? expectedCash(db, shift) : null,
        takings: shift ? shiftTakings(db, shift) : null,
      };
    },
    'day-report': () => dayReport(db, who.terminal_id, openBusinessDay(db, who, ctx.now())),
    'day-close': ({ manager_pin }) => journaled(closeDay(db, who, session.require(), ctx.now(), manager_pin)),
    'sale-detail': ({ sale_id, paper }) => {
      const detail = saleDetail(db, who, sale_id, paper);
      if (!detail) throw new CodedError('not_found', `no sale ${sale_id} on this till`);
      return detail;
    },
    'payment-query': async ({ sale_id }) => {
      if (!ctx.payments) throw new CodedError('conflict', 'payments are not available on this till');
      return { tenders: await ctx.payments.query(sale_id) };
    },
    'report-print': async ({ report, business_day, z_no, shift_id }) => {
      const cashier = session.require();
      let doc;
      if (report === 'day') {
        const day = business_day ?? openBusinessDay(db, who, ctx.now());
        doc = zReportSlip(who, cashier.name, dayReport(db, who.terminal_id, day, z_no), ctx.now());
      } else {
        const shift = shift_id ? shiftById(db, shift_id) : openShiftOf(db, cashier.id);
        if (!shift) throw new CodedError('not_found', 'no such shift to print');
        doc = shiftSlip(
          who,
          cashier.name,
          shift,
          expectedCash(db, shift),
          shiftTakings(db, shift),
          ctx.now(),
        );
      }
      const outcome = await ctx.printQueue.print(ctx.printQueue.enqueue(doc));
      ctx.changed();
      return { printed: outcome.printed, print_error: outcome.printed ? null : outcome.error };
    },
    'sale-reprint': async ({ sale_id }) => {
      session.require();
      // Rebuilt from the sale as it is now: a paid QR prints 已支付 and its transaction number, no pay code; refunds are listed.
      const jobId = ctx.printQueue.reprint({ sale_id }, saleReceipt(db, who, sale_id));
      if (jobId === null) throw new CodedError('not_found', `no receipt stored for sale ${sale_id}`);
      ctx.changed();
      const outcome = await ctx.printQueue.print(jobId);
      ctx.changed();
      return { printed: outcome.printed, print_error: outcome.printed ? null : outcome.error };
    },
  };
}

/** A sale's status and what it still owes, after a change. */
function saleDetailStatus(
  db: Db,
  saleId: string,
): { status: NonNullable<ReturnType<typeof getSale>>['status']; owed_fen: number } {
  const sale = getSale(db, saleId);
  if (!sale) throw new CodedError('not_found', `no sale ${saleId} on this till`);
  return {
    status: sale.status,
    owed_fen: sale.status === 'pending' ? owedFen(sale.total_fen, saleTenders(db, saleId)) : 0,
  };
}

function refundSaleId(db: Db, refundId: string): string | null {
  return (
    (db.prepare('SELECT sale_id FROM refund WHERE id = ?').get(refundId) as { sale_id: string } | undefined)
      ?.sale_id ?? null
  );
}
