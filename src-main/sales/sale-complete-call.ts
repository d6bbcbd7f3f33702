/**
 * The `sale-complete` call from start to answer: commit the sale (or find the one already committed under
 * the client's sale id), charge payment codes through the server, then print — so that a retry after the
 * core died anywhere in between answers the same sale and never rings it twice.
 */
import type { MethodOutput, MethodParsedInput } from '../../shared/contract/methods';
import type { Cashier } from '../cashiers/cashier-store';
import type { TerminalPayments } from '../payments/terminal-payments';
import type { PrintQueue } from '../print/print-queue';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { completeSale, type PayUrlSigner } from './complete-sale';
import { saleReceipt } from './receipt-doc';
import { getSale } from './sale-store';

export interface SaleCompleteContext {
  db: Db;
  who: TerminalIdentity;
  printQueue: PrintQueue;
  payments?: TerminalPayments;
  signPayUrl?: PayUrlSigner;
  changed(): void;
  now(): number;
}

export async function saleCompleteCall(
  ctx: SaleCompleteContext,
  cashier: Cashier,
  input: MethodParsedInput<'sale-complete'>,
): Promise<MethodOutput<'sale-complete'>> {
  const { db, who } = ctx;
  // A payment code needs the network — but a sale already committed under this id is answered offline too.
  if (!(input.sale_id && getSale(db, input.sale_id))) ctx.payments?.requireOnline(input.tenders);
  const sale = completeSale(
    db,
    who,
    cashier,
    {
      sale_id: input.sale_id,
      lines: input.lines,
      sale_discount_fen: input.sale_discount_fen,
      round_off_id: input.round_off_id,
      tenders: input.tenders,
    },
    ctx.now(),
    ctx.signPayUrl,
  );
  if (!sale.replayed) ctx.changed();
  // The code pay answer (paid, refused, or waiting for the buyer's password) before the receipt prints:
  // the receipt then says 已支付 with the transaction number, or why it failed. A replay charges nothing new
  // (chargeCodes takes only tenders not yet sent).
  const charged = await ctx.payments?.chargeCodes(sale.sale_id).catch(() => []);
  if (charged && charged.length > 0) sale.status = getSale(db, sale.sale_id)?.status ?? sale.status;
  const jobId =
    sale.print_job_id ??
    ctx.printQueue.enqueue(
      { ...saleReceipt(db, who, sale.sale_id), ...(sale.pay_url ? { pay_url: sale.pay_url } : {}) },
      sale.sale_id,
    );
  const outcome = await ctx.printQueue.print(jobId);
  ctx.changed();
  return {
    sale_id: sale.sale_id,
    receipt_no: sale.receipt_no,
    pay_url: sale.pay_url,
    status: sale.status,
    total_fen: sale.total_fen,
    change_fen: sale.change_fen,
    printed: outcome.printed,
    print_error: outcome.printed ? null : outcome.error,
  };
}
