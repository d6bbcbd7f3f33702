// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import './i18n';
import { freshTill } from './test-support/reset';
import type { FakeCore } from './test-support/fake-core';
import { useCart } from './stores/cart';

let core: FakeCore;

beforeEach(() => {
  core = freshTill();
});
afterEach(cleanup);

async function signIn(): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup({ delay: 40 }); // a person types slower than a scanner (the wedge swallows fast bursts);
  render(<App />);
  await user.type(await screen.findByTestId('pin'), '1234');
  await user.click(screen.getByTestId('signin'));
  await screen.findByTestId('product-grid');
  return user;
}

/** Keys as a USB scanner types them: a burst a millisecond or two apart, ended by Enter. */
/** A scanner's burst: every key at the same instant (jsdom stamps events with Date.now()), however busy the machine running the test is. */
function scan(code: string, opts: { composing?: boolean } = {}): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (const key of [...code, 'Enter'])
      fireEvent.keyDown(window, {
        key,
        isComposing: opts.composing === true,
        keyCode: opts.composing ? 229 : 0,
      });
  } finally {
    vi.useRealTimers();
  }
}

describe('the cashier screen', () => {
  it('signs in with a PIN, refusing a wrong one in Chinese', async () => {
    const user = userEvent.setup({ delay: 40 }); // a person types slower than a scanner (the wedge swallows fast bursts);
    render(<App />);
    await user.type(await screen.findByTestId('pin'), '9999');
    await user.click(screen.getByTestId('signin'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '密码不对，请重试');
    // Enter submits the PIN: the screen's confirm command does not swallow it.
    await user.type(screen.getByTestId('pin'), '1234{Enter}');
    expect(await screen.findByTestId('product-grid')).toBeTruthy();
  });

  it('rings up by keyboard alone: product, weight, F9, cash, change', async () => {
    const user = await signIn();
    await user.click(screen.getByTestId('product-V001'));
    const keypad = screen.getByTestId('keypad');
    await user.keyboard('2.5');
    expect(within(keypad).getByTestId('entry').textContent).toContain('2.5');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('cart-total').textContent).toBe('¥3.00');
    await user.keyboard('{F9}');
    await user.type(screen.getByTestId('tendered'), '10');
    expect(screen.getByTestId('change-preview').textContent).toBe('找零 ¥7.00');
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('change')).textContent).toBe('找零 ¥7.00');
    expect(screen.getByTestId('print-state').textContent).toBe('小票已打印');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('done')).toBeNull());
  });

  it('a wedge scan adds the product; the same keys inside an IME composition do not', async () => {
    await signIn();
    act(() => scan('6901234567892'));
    expect(useCart.getState().lines).toHaveLength(1);
    act(() => scan('6901234567892', { composing: true }));
    expect(useCart.getState().lines[0]?.entry).toEqual({ kind: 'count', count: 1 });
    act(() => scan('1234567890128'));
    expect((await screen.findByTestId('notice')).textContent).toContain('不是本摊位的商品');
  });

  it('refunds a sale above the cashier limit only with a manager PIN', async () => {
    const user = await signIn();
    act(() => {
      for (let i = 0; i < 5; i++) scan('6901234567892');
    }); // 5 × 15.00 = 75.00
    await user.keyboard('{F9}');
    await user.keyboard('{Enter}');
    await screen.findByTestId('done');
    await user.keyboard('{Enter}');
    await user.keyboard('{F3}');
    await user.click(await screen.findByTestId('sale-row'));
    expect((await screen.findByTestId('receipt-preview')).textContent).toContain('T1-20261125-0001');
    await user.click(screen.getByTestId('refund'));
    await user.click(screen.getByTestId('refund-confirm'));
    await user.type(await screen.findByTestId('manager-pin'), '1234{Enter}');
    expect(await screen.findByText('不是店长的密码，请店长本人输入')).toBeTruthy();
    await user.type(screen.getByTestId('manager-pin'), '8888{Enter}');
    expect((await screen.findByTestId('notice')).textContent).toContain('已退款 ¥75.00');
    expect(
      core.calls
        .filter((c) => c.method === 'refund-create')
        .map((c) => (c.input as { manager_pin?: string }).manager_pin),
    ).toEqual([undefined, '1234', '8888']);
  });

  it('shows paper out in the status bar as an alarm, and the offline queue with its age', async () => {
    await signIn();
    act(() =>
      core.emit('status', {
        online: false,
        sync: {
          queue_depth: 3,
          oldest_unsynced_age_ms: 125_000,
          last_success_ms: null,
          last_error: 'ECONNREFUSED',
        },
        printer: { state: 'error', message: 'printer is out of paper' },
      }),
    );
    const printer = screen.getByTestId('printer');
    expect(printer.getAttribute('data-state')).toBe('paper_out');
    expect(printer.getAttribute('role')).toBe('alert');
    expect(printer.textContent).toContain('打印机缺纸');
    expect(screen.getByTestId('queue').textContent).toBe('待同步 3 笔 · 最早 2 分钟前');
    expect(screen.getByTestId('net').textContent).toContain('离线');
  });
});
