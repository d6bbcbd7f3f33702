/**
 * One planned sale at a stall's till, as the cashier and the buyer would do it, through the till's own
 * handlers (the contract the UI calls). Where the till refuses a tender (a payment code while offline, an
 * account over its limit) the cashier takes cash instead, as at a real stall.
 */
import { CodedError } from '../../shared/contract/envelope';
import { outTradeNo } from '../../src-server/payments/orders';
import { BUYER_PASSWORD } from '../payments/sim-client';
import type { PlannedSale } from './plan';
import { cartOf, MANAGER_PIN, type Stall } from './stall';
import { phonePays, simTransactionOf, type World } from './world';

type Tender = Parameters<Stall['core']['handlers']['sale-complete']>[0]['tenders'][number];
type Cart = ReturnType<typeof cartOf>;

/** cash handed over: the total rounded up to the next 10 元 note */
const cashFor = (totalFen: number): number => Math.ceil(totalFen / 1_000) * 1_000;

function refusedAs(err: unknown, ...codes: string[]): boolean {
  const code = err instanceof CodedError ? err.code : (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && codes.includes(code);
}

async function complete(st: Stall, cart: Cart, tenders: Tender[]) {
  const r = await st.core.handlers['sale-complete']({
    lines: cart.lines,
    sale_discount_fen: cart.sale_discount_fen,
    tenders,
  });
  st.book.sales++;
  st.book.gross_fen += r.total_fen;
  return r;
}

async function cash(st: Stall, cart: Cart): Promise<string> {
  return (await complete(st, cart, [{ kind: 'cash', tendered_fen: cashFor(cart.total_fen) }])).sale_id;
}

/**
 * A tender failed: the cashier takes what the sale still owes on the same sale (sale-add-tender), with
 * the buyer's fresh payment code or in cash; a fresh code the till will not take (offline) or the
 * institution refuses is followed by cash. Answers the sale id when the sale is completed.
 */
async function takeOwed(
  w: World,
  st: Stall,
  saleId: string,
  owedFen: number,
  buyer: string,
  freshCode: boolean,
): Promise<string | null> {
  const h = st.core.handlers;
  let owed = owedFen;
  if (freshCode) {
    st.book.code_retries++;
    try {
      const code = await w.sim.code(buyer);
      const r = await h['sale-add-tender']({
        sale_id: saleId,
        tender: { kind: 'payment_code', amount_fen: owed, code },
      });
      if (r.status === 'completed') return saleId;
      // Still waiting for the institution: asked about at the close, like any pending code.
      if (r.owed_fen === 0) return null;
      owed = r.owed_fen;
    } catch (err) {
      if (!refusedAs(err, 'conflict')) throw err;
    }
  }
  st.book.fell_back_to_cash++;
  const r = await h['sale-add-tender']({
    sale_id: saleId,
    tender: { kind: 'cash', tendered_fen: cashFor(owed) },
  });
  if (r.status !== 'completed')
    throw new Error(`sale ${saleId} not completed by cash for ${owed} fen: ${r.status}`);
  return saleId;
}

/** Rings the sale up; answers the sale id when the till has it completed and paid (so it may be refunded later). */
export async function sell(w: World, st: Stall, s: PlannedSale): Promise<string | null> {
  const cart = cartOf(st, s.lines);
  const h = st.core.handlers;
  st.book.by_kind[s.kind] = (st.book.by_kind[s.kind] ?? 0) + 1;
  switch (s.kind) {
    case 'cash':
      return cash(st, cart);
    case 'parked': {
      const { parked_id } = await h['sale-park']({
        lines: cart.lines,
        sale_discount_fen: 0,
        label: '',
        buyer_id: null,
      });
      st.book.parked++;
      await h['sale-resume']({ parked_id });
      return cash(st, cart);
    }
    case 'void':
      await h['sale-void']({ lines: cart.lines, sale_discount_fen: 0, reason: '买家不要了' });
      st.book.voids++;
      st.book.voids_fen += cart.total_fen;
      return null;
    case 'qr_paid':
    case 'qr_late':
    case 'qr_never': {
      const r = await complete(st, cart, [{ kind: 'qr', amount_fen: cart.total_fen }]);
      if (!r.pay_url) throw new Error(`QR sale ${r.sale_id} without a pay URL`);
      if (s.kind === 'qr_never') return null;
      const buyer = await w.sim.buyer(s.wallet);
      const payUrl = r.pay_url;
      if (s.kind === 'qr_paid') await phonePays(w, payUrl, s.wallet, buyer);
      else
        w.later.push(
          w.clock
            .sleepUntil(s.at_ms + s.pay_after_ms)
            .then(async () => void (await phonePays(w, payUrl, s.wallet, buyer))),
        );
      return s.kind === 'qr_paid' ? r.sale_id : null;
    }
    case 'code_paid':
    case 'code_expired':
    case 'code_password':
    case 'code_abandoned': {
      const buyer = await w.sim.buyer(s.wallet);
      const used = s.kind === 'code_expired' ? w.usedCodes.shift() : undefined;
      const code = used ?? (await w.sim.code(buyer));
      let r;
      try {
        r = await complete(st, cart, [{ kind: 'payment_code', amount_fen: cart.total_fen, code }]);
      } catch (err) {
        // Offline: the till will not take a payment code; the buyer pays cash.
        if (!refusedAs(err, 'conflict')) throw err;
        st.book.fell_back_to_cash++;
        return cash(st, cart);
      }
      if (s.kind === 'code_paid' && used === undefined) w.usedCodes.push(code);
      // Refused at once (the code had expired): what is owed is taken on the same sale, with a fresh code
      // from the buyer's phone or in cash.
      const d = await h['sale-detail']({ sale_id: r.sale_id, paper: 58 });
      if (d.tenders.some((t) => t.status === 'failed'))
        return takeOwed(w, st, r.sale_id, d.owed_fen, buyer, s.n % 2 === 0);
      if (s.kind === 'code_password') {
        const tx = await simTransactionOf(w, outTradeNo('code', r.sale_id, 1)).catch(() => null);
        if (tx)
          await w.sim
            .control('POST', `/buyers/${buyer}/password`, { transaction_id: tx, password: BUYER_PASSWORD })
            .catch(() => undefined);
      }
      return r.status === 'completed' ? r.sale_id : null;
    }
    case 'account':
    case 'account_over': {
      const buyer = st.setup.buyer_ids[s.n % st.setup.buyer_ids.length];
      if (!buyer) throw new Error('no buyer on account');
      try {
        return (await complete(st, cart, [{ kind: 'account', amount_fen: cart.total_fen, buyer_id: buyer }]))
          .sale_id;
      } catch (err) {
        if (!refusedAs(err, 'credit_limit_exceeded')) throw err;
        st.book.fell_back_to_cash++;
        return cash(st, cart);
      }
    }
  }
}

/** A refund looks this many sales into the stall's list for one whose every tender the till knows paid. */
const REFUND_LOOK_MAX = 8;

/** The buyer brings goods back: part of one line, or the whole sale, of an earlier sale the till knows paid. */
export async function refund(st: Stall, pick: number, full: boolean): Promise<void> {
  for (let look = 0; look < Math.min(REFUND_LOOK_MAX, st.refundable.length); look++) {
    const at = (pick + look) % st.refundable.length;
    const saleId = st.refundable[at];
    if (!saleId) return;
    const d = await st.core.handlers['sale-detail']({ sale_id: saleId, paper: 58 });
    if (d.tenders.some((t) => t.status !== 'paid')) continue;
    st.refundable.splice(at, 1);
    const first = d.lines[0];
    if (!first) return;
    const lines = full
      ? d.lines.map((l) => ({ line_no: l.line_no, quantity: l.quantity }))
      : [{ line_no: first.line_no, quantity: Math.max(1, Math.floor(first.quantity / 2)) }];
    const r = await st.core.handlers['refund-create']({
      sale_id: saleId,
      lines,
      reason: full ? '整单退货' : '部分退货',
      manager_pin: MANAGER_PIN,
    });
    st.book.refunds++;
    st.book.refunds_fen += r.amount_fen;
    return;
  }
}
