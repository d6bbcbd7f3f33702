/**
 * Brings the sale in progress back when the page loads (a reload, a restart of the window) or a cashier
 * signs in: the sale the core holds comes back into an empty cart, and a sale whose completion the page
 * was waiting for when it went away is asked about first (completed → its result; not → ring it again).
 */
import { coreApi } from '../transport/core-client';
import { useCart } from './cart';
import { useCheckout } from './checkout';
import { followCart } from './current-sale-push';
import { useSession } from './session';
import { useUi } from './ui';

export async function restoreCurrentSale(): Promise<void> {
  const pending = useCheckout.getState().unanswered();
  const r = await coreApi()['current-sale-get'](pending ? { sale_id: pending.sale_id } : {});
  if (!r.ok) return useUi.getState().fail(r.error);
  const cart = useCart.getState();
  const current = r.value.current;
  if (current && cart.lines.length === 0) {
    const missing = cart.load(current, useSession.getState().products, current.sale_id, current.buyer_id);
    useUi
      .getState()
      .notify(
        missing === null
          ? { kind: 'info', key: 'cart.resumed' }
          : { kind: 'error', key: 'parked.product_gone', params: { id: missing } },
      );
  }
  if (pending) await useCheckout.getState().settle(pending, r.value.committed !== null);
}

/** Follows the cart, and restores the sale in progress whenever a cashier is signed in anew; answers the stop. */
export function startCurrentSale(): () => void {
  let restoredFor: string | null = null;
  const restoreIfNew = (): void => {
    const cashier = useSession.getState().info?.cashier?.id ?? null;
    if (cashier === restoredFor) return;
    restoredFor = cashier;
    if (cashier) void restoreCurrentSale();
  };
  const offSession = useSession.subscribe(restoreIfNew);
  restoreIfNew();
  const offCart = followCart();
  return () => {
    offSession();
    offCart();
  };
}
