/**
 * The till's side of the customer display: derives what the buyer should see
 * from the cart, the checkout and the payment wait, and tells the core at
 * once on every change (the core pushes it to the display over SSE / IPC).
 * One call on the wire at a time; changes meanwhile collapse into the newest.
 */
import type { DisplayLine, DisplayView } from '../../shared/contract/display';
import i18n from '../i18n';
import { lineDetail } from '../line-text';
import { priceCart, sellingAt, useCart } from '../stores/cart';
import { useCheckout } from '../stores/checkout';
import { usePaymentWait } from '../stores/payment-wait';
import { useSession } from '../stores/session';
import { useSettings } from '../stores/settings';
import { coreApi } from '../transport/core-client';

function cartView(): { lines: DisplayLine[]; total_fen: number } {
  const cart = useCart.getState();
  const { lines } = cart;
  const priced = priceCart(cart, useSession.getState().info?.rounding ?? 'none');
  const pref = useSettings.getState().weightUnit;
  return {
    lines: lines.map((l, i) => ({
      name: l.product.name,
      detail: lineDetail(i18n.t, sellingAt(l), pref),
      amount_fen: (priced?.lines[i]?.amount_fen ?? 0) - (priced?.lines[i]?.discount_fen ?? 0),
    })),
    total_fen: priced?.total_fen ?? 0,
  };
}

/** What the buyer sees now. */
export function displayView(): DisplayView {
  const checkout = useCheckout.getState();
  const { result } = checkout;
  if (checkout.phase === 'done' && result) {
    const wait = usePaymentWait.getState();
    const tenders = wait.saleId === result.sale_id ? wait.tenders : [];
    const failed = tenders.find((t) => t.status === 'failed');
    if (failed) return { phase: 'failed', amount_fen: failed.amount_fen };
    const settled = tenders.length > 0 && tenders.every((t) => t.status === 'paid');
    if (result.status === 'completed' || settled)
      return { phase: 'paid', amount_fen: result.total_fen, change_fen: result.change_fen };
    const due = tenders.filter((t) => t.status === 'pending').reduce((a, t) => a + t.amount_fen, 0);
    return {
      phase: 'paying',
      lines: [],
      total_fen: result.total_fen,
      due_fen: due || result.total_fen,
      pay_url: wait.payUrl ?? result.pay_url,
    };
  }
  const cart = cartView();
  if (checkout.phase === 'paying' || checkout.phase === 'committing')
    return { phase: 'paying', ...cart, due_fen: cart.total_fen, pay_url: null };
  return cart.lines.length === 0 ? { phase: 'idle' } : { phase: 'selling', ...cart };
}

/** Publishes every change of the view until the returned function is called. */
export function startDisplayPublisher(): () => void {
  let seq = 0;
  let last = '';
  let inFlight = false;
  let again = false;
  const send = async (): Promise<void> => {
    if (inFlight) {
      again = true;
      return;
    }
    const view = displayView();
    const key = JSON.stringify(view);
    if (key === last) return;
    last = key;
    inFlight = true;
    try {
      await coreApi()['display-show']({ seq: ++seq, at_ms: Date.now(), view });
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        void send();
      }
    }
  };
  const offs = [
    useCart.subscribe(() => void send()),
    useCheckout.subscribe(() => void send()),
    usePaymentWait.subscribe(() => void send()),
    useSettings.subscribe(() => void send()),
  ];
  void send();
  return () => offs.forEach((off) => off());
}
