/**
 * Keeps the core's copy of the sale in progress (current-sale-set) in step with the cart: the cart changes
 * at once, the core hears of it right after — one call in flight, the newest cart sent next. Whoever ends
 * the sale (complete, park, void) waits for `flushCurrentSale` first and calls `saleEnded`, so the core
 * never keeps a sale the cashier has ended.
 */
import type { CurrentSaleWire } from '../../shared/contract/till';
import { coreApi } from '../transport/core-client';
import { currentSaleWire, useCart } from './cart';
import { useUi } from './ui';

let inFlight: Promise<void> | null = null;
/** the newest cart not yet sent; undefined: nothing waiting */
let waiting: CurrentSaleWire | null | undefined;
/** the sale last sent (its id), so an emptied cart of that sale drops it at the core */
let sentId: string | null = null;

async function send(): Promise<void> {
  while (waiting !== undefined) {
    const wire = waiting;
    waiting = undefined;
    const sale = wire ?? (sentId ? { sale_id: sentId, lines: [] } : null);
    if (!sale) continue;
    sentId = wire ? wire.sale_id : null;
    const r = await coreApi()['current-sale-set'](sale);
    // conflict: the sale was completed meanwhile — nothing to keep. Anything else the cashier should see.
    if (!r.ok && r.error.code !== 'conflict') useUi.getState().fail(r.error);
  }
}

function push(wire: CurrentSaleWire | null): void {
  waiting = wire;
  inFlight ??= send().finally(() => {
    inFlight = null;
  });
}

/** Resolves once the core holds the cart as it is now. */
export async function flushCurrentSale(): Promise<void> {
  while (inFlight) await inFlight;
}

/** Forgets the sale last sent: the core dropped it itself (completed, parked or voided under its id). */
export function saleEnded(): void {
  sentId = null;
  waiting = undefined;
}

/** Sends every change of the cart to the core; answers the stop. */
export function followCart(): () => void {
  return useCart.subscribe((s, prev) => {
    if (s.saleId === prev.saleId && s.lines === prev.lines && s.buyerId === prev.buyerId) return;
    // Cleared after the sale ended: the core already dropped it.
    if (s.saleId === null && sentId === null) return;
    push(currentSaleWire(s));
  });
}
