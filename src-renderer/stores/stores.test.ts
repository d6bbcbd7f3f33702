// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { PRODUCTS } from '../test-support/fake-core';
import { freshTill, signedIn } from '../test-support/reset';
import type { FakeCore } from '../test-support/fake-core';
import { cartTotal, useCart } from './cart';
import { useCheckout } from './checkout';
import { useEntry } from './entry';
import { useSettings } from './settings';
import { fullCode } from './scan';
import { useShift } from './shift';
import { useUi } from './ui';

const [cabbage, tomato, garlic] = PRODUCTS as [
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
];
let core: FakeCore;

beforeEach(async () => {
  core = freshTill();
  await signedIn(core);
});

const type = (text: string): void => {
  for (const k of text) useEntry.getState().press(k);
};

describe('cart and keypad stores', () => {
  it('adds by weight in the product unit, or in 斤 when the stall weighs in 斤', () => {
    useEntry.getState().open(tomato);
    type('1.5');
    expect(useEntry.getState().confirm()).toBe(true);
    expect(useCart.getState().lines[0]?.entry).toEqual({ kind: 'weight', gross_g: 1500, tare_g: 0 });
    useSettings.getState().setWeightUnit('jin');
    useEntry.getState().open(tomato);
    type('3');
    useEntry.getState().confirm();
    expect(useCart.getState().lines[1]?.entry).toEqual({ kind: 'weight', gross_g: 1500, tare_g: 0 });
    expect(cartTotal(useCart.getState(), 'none')).toBe(1920);
  });

  it("改数量 opens at the line's current net quantity: Enter keeps it, the first key typed replaces it", () => {
    useCart.getState().add(tomato, { kind: 'weight', gross_g: 2800, tare_g: 300 });
    useEntry.getState().openLine(0, 'edit');
    expect(useEntry.getState().text).toBe('2.5');
    expect(useEntry.getState().confirm()).toBe(true);
    expect(useCart.getState().lines[0]?.entry).toEqual({ kind: 'weight', gross_g: 2800, tare_g: 300 });
    useEntry.getState().openLine(0, 'edit');
    type('3');
    expect(useEntry.getState().text).toBe('3');
    useEntry.getState().confirm();
    expect(useCart.getState().lines[0]?.entry).toEqual({ kind: 'weight', gross_g: 3300, tare_g: 300 });
    useCart.getState().add(garlic, { kind: 'count', count: 4 });
    useEntry.getState().openLine(1, 'edit');
    expect(useEntry.getState().text).toBe('4');
    useEntry.getState().press('⌫');
    expect(useEntry.getState().text).toBe('');
  });

  it('takes tare and a discount on a line, and refuses what the pricing rules refuse', () => {
    useCart.getState().add(cabbage, { kind: 'weight', gross_g: 2500, tare_g: 0 });
    useEntry.getState().openLine(0, 'tare');
    type('6');
    expect(useEntry.getState().confirm()).toBe(false);
    expect(useEntry.getState().invalid).toBe('keypad.tare_too_big');
    useEntry.getState().setText('0.5');
    expect(useEntry.getState().confirm()).toBe(true);
    expect(useCart.getState().lines[0]?.entry).toEqual({ kind: 'weight', gross_g: 2500, tare_g: 250 });
    useEntry.getState().openLine(0, 'discount');
    type('9');
    expect(useEntry.getState().confirm()).toBe(false);
    expect(useEntry.getState().invalid).toBe('keypad.discount_too_big');
    useEntry.getState().setText('0.4');
    useEntry.getState().confirm();
    expect(cartTotal(useCart.getState(), 'none')).toBe(540 - 40);
  });

  it('a scanned piece product counts up its last line; pieces take no decimal point', () => {
    useCart.getState().addScanned(garlic);
    useCart.getState().addScanned(garlic);
    expect(useCart.getState().lines).toHaveLength(1);
    expect(useCart.getState().lines[0]?.entry).toEqual({ kind: 'count', count: 2 });
    useEntry.getState().open(garlic);
    type('2.5');
    expect(useEntry.getState().text).toBe('25');
  });
});

describe('checkout store', () => {
  beforeEach(() => {
    useCart.getState().add(garlic, { kind: 'count', count: 30 }); // 450.00
    useCheckout.getState().startPay();
  });

  it('refuses on account above the buyer’s room before asking the core, then splits with cash last', async () => {
    await new Promise((r) => setTimeout(r, 0)); // buyers-list
    const co = useCheckout.getState();
    co.setMethod('account');
    co.setBuyer('B1');
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().problem).toEqual({
      key: 'pay.over_limit',
      params: { name: '张老板饭店', room: '400.00' },
    });
    useCheckout.getState().setAmountText('400');
    useCheckout.getState().addPart();
    expect(useCheckout.getState().parts).toEqual([{ kind: 'account', amount_fen: 40_000, buyer_id: 'B1' }]);
    useCheckout.getState().setAmountText('100');
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().phase).toBe('done');
    expect(useCheckout.getState().result?.change_fen).toBe(5_000);
    expect(core.calls.find((c) => c.method === 'sale-complete')?.input).toMatchObject({
      tenders: [
        { kind: 'account', amount_fen: 40_000 },
        { kind: 'cash', tendered_fen: 10_000 },
      ],
    });
    expect(useCart.getState().lines).toHaveLength(0);
  });

  it('never takes a code that landed in the cash field as money', async () => {
    useCheckout.getState().setAmountText('6901234567892'); // an EAN-13: no amount at all
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().problem?.key).toBe('pay.bad_amount');
    useCheckout.getState().setAmountText('69012345'); // an EAN-8: ¥69,012,345 "given"
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().problem?.key).toBe('pay.cash_too_much');
    useCheckout.getState().setAmountText('134567890123456789');
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().method).toBe('payment_code');
    expect(useCheckout.getState().code).toBe('134567890123456789');
    expect(core.calls.some((c) => c.method === 'sale-complete')).toBe(false);
  });

  it('keeps cash last and wants a payment code of 16–24 digits', async () => {
    useCheckout.getState().setAmountText('100');
    useCheckout.getState().addPart();
    expect(useCheckout.getState().problem?.key).toBe('pay.cash_last');
    useCheckout.getState().setMethod('payment_code');
    useCheckout.getState().setCode('1234');
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().problem?.key).toBe('pay.code_needed');
    useCheckout.getState().setCode('134567890123456789');
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().result?.status).toBe('pending');
  });
});

describe('scan recovery', () => {
  it('takes the whole code when a stall left the wedge detector only its tail', () => {
    expect(fullCode('6020695348', '2874846020695348')).toBe('2874846020695348'); // an Alipay payment code
    expect(fullCode('34567892', '12' + '6901234567892'.slice(0, 5) + '34567892')).toBe('6901234567892'); // a product's EAN-13
    expect(fullCode('6901234567892', '996901234567892')).toBe('6901234567892'); // already whole
    expect(fullCode('55555555', '1255555555')).toBe('55555555'); // nothing longer is known: keep what was scanned
  });
});

describe('limits at the keypad (shared/limits.ts)', () => {
  it('refuses a weight, count or typed amount past its ceiling before the core sees it', () => {
    useEntry.getState().open(tomato);
    type('1000.001');
    expect(useEntry.getState().confirm()).toBe(false);
    expect(useEntry.getState().invalid).toBe('keypad.too_big');
    useEntry.getState().setText('1000');
    expect(useEntry.getState().confirm()).toBe(true);
    useEntry.getState().open(garlic);
    type('100001');
    expect(useEntry.getState().confirm()).toBe(false);
    useEntry.getState().open(garlic, 'amount');
    type('1000001');
    expect(useEntry.getState().confirm()).toBe(false);
    expect(useEntry.getState().invalid).toBe('keypad.too_big');
    expect(useCart.getState().lines).toHaveLength(1);
  });

  it('refuses a counted cash past its ceiling with its own words, and sends nothing', async () => {
    const calls = core.calls.length;
    useShift.getState().setAmountText('1000000.01');
    await useShift.getState().close();
    expect(useUi.getState().notice).toMatchObject({ kind: 'error', key: 'shift.too_big' });
    expect(core.calls.slice(calls).filter((c) => c.method === 'shift-close')).toEqual([]);
  });
});
