// @vitest-environment jsdom
// The sale in progress as the renderer keeps it in step with the core, and what the till does when the
// core never answered a sale-complete: it asks the core about that sale id before the cashier may ring it again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreApi } from '../../shared/contract/api';
import { PRODUCTS, type FakeCore } from '../test-support/fake-core';
import { freshTill, signedIn } from '../test-support/reset';
import { setCoreApi } from '../transport/core-client';
import { useCart } from './cart';
import { UNANSWERED_KEY, useCheckout } from './checkout';
import { flushCurrentSale } from './current-sale-push';
import { restoreCurrentSale, startCurrentSale } from './current-sale-restore';

const garlic = PRODUCTS[2] as (typeof PRODUCTS)[0]; // 15.00 a piece
let core: FakeCore;
let stop: () => void;

beforeEach(async () => {
  core = freshTill();
  await signedIn(core);
  stop = startCurrentSale();
  await flushCurrentSale();
});
afterEach(() => stop());

const calls = (method: string) => core.calls.filter((c) => c.method === method).map((c) => c.input);

async function payCash(): Promise<void> {
  useCheckout.getState().startPay();
  await useCheckout.getState().confirm();
}

describe('the sale in progress', () => {
  it('goes to the core on every change, with its client-made id and buyer', async () => {
    useCart.getState().add(garlic, { kind: 'count', count: 2 });
    useCart.getState().setBuyer('B1');
    await flushCurrentSale();
    const { saleId } = useCart.getState();
    expect(saleId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const r = await core.api['current-sale-get']({});
    expect(r.ok && r.value.current).toMatchObject({
      sale_id: saleId,
      lines: [{ product_id: garlic.id, entry: { kind: 'count', count: 2 } }],
      buyer_id: 'B1',
    });
    // Emptied, it is dropped at the core too.
    useCart.getState().remove(0);
    await flushCurrentSale();
    const after = await core.api['current-sale-get']({});
    expect(after.ok && after.value.current).toBeNull();
  });

  it('a lost answer: the till asks the core, finds the sale committed and shows it — rung once', async () => {
    useCart.getState().add(garlic, { kind: 'count', count: 2 });
    const saleId = useCart.getState().saleId;
    core.state.loseNextAnswer = true;
    await payCash();
    expect(useCheckout.getState()).toMatchObject({
      phase: 'done',
      result: { sale_id: saleId, total_fen: 3000 },
    });
    expect(calls('current-sale-get')).toContainEqual({ sale_id: saleId });
    expect(calls('sale-complete').map((i) => (i as { sale_id: string }).sale_id)).toEqual([saleId, saleId]);
    const recent = await core.api['sales-recent']({});
    expect(recent.ok && recent.value.sales).toHaveLength(1);
    expect(sessionStorage.getItem(UNANSWERED_KEY)).toBeNull();
  });

  it('not committed: the cashier is told so and rings the same sale again, under the same id', async () => {
    useCart.getState().add(garlic, { kind: 'count', count: 1 });
    const saleId = useCart.getState().saleId;
    const real = core.api;
    setCoreApi({
      ...real,
      'sale-complete': async () => ({ ok: false, error: { code: 'internal', message: 'fetch failed' } }),
    } as CoreApi);
    await payCash();
    setCoreApi(real);
    expect(useCheckout.getState()).toMatchObject({ phase: 'paying', problem: { key: 'pay.not_completed' } });
    expect(useCart.getState().lines).toHaveLength(1);
    await useCheckout.getState().confirm();
    expect(useCheckout.getState()).toMatchObject({ phase: 'done', result: { sale_id: saleId } });
  });

  it('a reload while waiting for the answer: the page asks about the stored sale and shows its result', async () => {
    useCart.getState().add(garlic, { kind: 'count', count: 3 });
    await flushCurrentSale();
    const saleId = useCart.getState().saleId ?? '';
    const input = {
      sale_id: saleId,
      lines: [{ product_id: garlic.id, entry: { kind: 'count' as const, count: 3 } }],
      tenders: [{ kind: 'cash' as const, tendered_fen: 5000 }],
    };
    // The page stored the call and sent it; the core committed it; the page went away before the answer.
    sessionStorage.setItem(UNANSWERED_KEY, JSON.stringify(input));
    await core.api['sale-complete'](input);
    useCart.getState().clear();
    useCheckout.getState().reset();
    await restoreCurrentSale();
    expect(useCheckout.getState()).toMatchObject({
      phase: 'done',
      result: { sale_id: saleId, total_fen: 4500, change_fen: 500 },
    });
    expect(useCart.getState().lines).toHaveLength(0);
    const recent = await core.api['sales-recent']({});
    expect(recent.ok && recent.value.sales).toHaveLength(1);
  });
});
