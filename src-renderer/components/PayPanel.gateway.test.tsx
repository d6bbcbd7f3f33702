// @vitest-environment jsdom
// Large amounts (issue 7): the tender panel refuses QR / pay code above the code limit with the reason, offers the
// B2B bank gateway, and takes the same amount as a QR tender via the gateway.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../i18n';
import { PayPanel } from './PayPanel';
import { PRODUCTS, type FakeCore } from '../test-support/fake-core';
import { freshTill, signedIn } from '../test-support/reset';
import { useCart } from '../stores/cart';
import { useCheckout } from '../stores/checkout';

const garlic = PRODUCTS[2]!;
let core: FakeCore;
beforeEach(async () => {
  core = freshTill();
  await signedIn(core);
  // 400 nets at 15 元: 6,000 元.
  useCart.getState().add(garlic, { kind: 'count', count: 400 });
  useCheckout.getState().startPay();
});
afterEach(cleanup);

describe('tender panel above the code limit', () => {
  it('refuses QR with the reason, offers the gateway, and sends a gateway tender', async () => {
    const user = userEvent.setup();
    render(<PayPanel />);
    await user.click(screen.getByTestId('method-qr'));
    await user.click(screen.getByTestId('confirm-pay'));
    expect(screen.getByTestId('pay-problem').textContent).toBe(
      '金额超过扫码/付款码每人每日限额 ¥5000.00（银发〔2017〕296号）：请改用企业网银（B2B）付款',
    );
    expect(core.calls.some((c) => c.method === 'sale-complete')).toBe(false);
    await user.click(screen.getByTestId('use-gateway'));
    expect(useCheckout.getState().method).toBe('gateway');
    expect(screen.getByTestId('gateway-body').textContent).toContain('企业网银');
    await user.click(screen.getByTestId('confirm-pay'));
    expect(core.calls.find((c) => c.method === 'sale-complete')?.input).toMatchObject({
      tenders: [{ kind: 'qr', amount_fen: 600_000, via: 'gateway' }],
    });
    expect(useCheckout.getState().phase).toBe('done');
  });

  it('refuses a pay code above the limit too, and shows the core refusal with the same offer', async () => {
    const user = userEvent.setup();
    render(<PayPanel />);
    useCheckout.getState().setMethod('payment_code');
    useCheckout.getState().setCode('134567890123456789');
    await useCheckout.getState().confirm();
    expect(useCheckout.getState().problem?.key).toBe('pay.over_code_limit');
    // The core's own refusal (a renderer that did not check) offers the gateway as well.
    useCheckout.setState({ problem: null, error: { code: 'qr_limit_exceeded', message: 'above the limit' } });
    expect(await screen.findByTestId('pay-error')).toHaveProperty(
      'textContent',
      expect.stringContaining('请改用 B2B 网关付款'),
    );
    await user.click(screen.getByTestId('use-gateway'));
    expect(useCheckout.getState()).toMatchObject({ method: 'gateway', error: null });
  });

  it('takes 5,000 元 by QR and the rest as a gateway part', async () => {
    const co = useCheckout.getState();
    co.setMethod('qr');
    co.setAmountText('5000');
    co.addPart();
    expect(useCheckout.getState().problem).toBeNull();
    useCheckout.getState().setMethod('gateway');
    await useCheckout.getState().confirm();
    expect(core.calls.find((c) => c.method === 'sale-complete')?.input).toMatchObject({
      tenders: [
        { kind: 'qr', amount_fen: 500_000 },
        { kind: 'qr', amount_fen: 100_000, via: 'gateway' },
      ],
    });
  });
});
