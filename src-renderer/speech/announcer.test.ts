// @vitest-environment jsdom
// A tender that ends is said once, with its wallet and amount (语音播报): cash when the sale commits,
// a payment-code or QR tender when the payment flow reports it paid or failed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRODUCTS, type FakeCore } from '../test-support/fake-core';
import { freshTill, signedIn } from '../test-support/reset';
import { useCart } from '../stores/cart';
import { useCheckout, type PayMethod } from '../stores/checkout';
import { usePaymentWait } from '../stores/payment-wait';
import { useSettings } from '../stores/settings';
import { startAnnouncer } from './announcer';
import { useSpeech } from './speech-store';

const WECHAT_CODE = '134567890123456789';
const ALIPAY_CODE = '285551234567890123';
let core: FakeCore;
let stop: () => void;
const played: { clips: readonly string[]; volume_pct: number }[] = [];

beforeEach(async () => {
  core = freshTill();
  await signedIn(core);
  played.length = 0;
  useSpeech.getState().setSink(async (clips, volume_pct) => void played.push({ clips, volume_pct }));
  stop = startAnnouncer();
});
afterEach(() => stop());

async function sell(amount_fen: number, method: PayMethod, code = '', buyer = ''): Promise<string> {
  useCheckout.getState().next();
  useCart.getState().add(PRODUCTS[0]!, { kind: 'amount', amount_fen });
  useCheckout.getState().startPay();
  useCheckout.getState().setMethod(method);
  if (code) useCheckout.getState().setCode(code);
  if (buyer) {
    await expect.poll(() => useCheckout.getState().buyers.length).toBeGreaterThan(0);
    useCheckout.getState().setBuyer(buyer);
  }
  await useCheckout.getState().confirm();
  const result = useCheckout.getState().result;
  if (!result)
    throw new Error(
      `sale did not commit: ${JSON.stringify(useCheckout.getState().error ?? useCheckout.getState().problem)}`,
    );
  return result.sale_id;
}

/** The payment flow reports the tender: the done screen's wait store polls sale-detail. */
async function report(saleId: string, status: 'paid' | 'failed'): Promise<void> {
  for (const t of core.state.tenders.get(saleId) ?? []) if (t.kind !== 'cash') t.status = status;
  const off = usePaymentWait.getState().watch(saleId);
  await expect.poll(() => usePaymentWait.getState().tenders.some((t) => t.status === status)).toBe(true);
  off();
}

const texts = (): string[] => useSpeech.getState().spoken.map((s) => s.text);

describe('spoken announcements', () => {
  it('cash is said when the sale commits, at the set volume', async () => {
    useSettings.getState().setVolume(60);
    await sell(1280, 'cash');
    expect(texts()).toEqual(['现金收款十二点八元']);
    expect(played).toEqual([{ clips: ['cash', 'shi', 'd2', 'dian', 'd8', 'yuan'], volume_pct: 60 }]);
  });

  it('a WeChat payment code is said once, when it turns paid, with its wallet and amount', async () => {
    const sale = await sell(12850, 'payment_code', WECHAT_CODE);
    expect(texts()).toEqual([]);
    await report(sale, 'paid');
    await report(sale, 'paid');
    expect(texts()).toEqual(['微信收款一百二十八点五元']);
    expect(played.map((p) => p.clips)).toEqual([
      ['wechat', 'd1', 'bai', 'd2', 'shi', 'd8', 'dian', 'd5', 'yuan'],
    ]);
  });

  it('an Alipay code that fails says 付款失败，请重新付款', async () => {
    const sale = await sell(5000, 'payment_code', ALIPAY_CODE);
    await report(sale, 'failed');
    expect(texts()).toEqual(['付款失败，请重新付款']);
    expect(played.map((p) => p.clips)).toEqual([['failed']]);
  });

  it('a QR tender paid by a wallet the till cannot name is 扫码收款', async () => {
    const sale = await sell(100_000, 'qr');
    await report(sale, 'paid');
    expect(texts()).toEqual(['扫码收款一千元']);
  });

  it('on account takes no money and says nothing; switched off, the till is silent', async () => {
    await sell(2000, 'account', '', 'B1');
    expect(texts()).toEqual([]);
    useSettings.getState().setVoice(false);
    await sell(1000, 'cash');
    expect(played).toEqual([]);
  });
});
