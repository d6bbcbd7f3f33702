/**
 * Cashier commands, declared once with their keyboard shortcut: the keyboard,
 * the keypad and the buttons all run the same code (Excalidraw's actions).
 */
import { useEffect } from 'react';
import { useCart } from './stores/cart';
import { useCheckout } from './stores/checkout';
import { useEntry } from './stores/entry';

export interface Command {
  id: 'pay' | 'confirm' | 'cancel' | 'clear_cart';
  key: string;
  labelKey: string;
  run(): void;
}

export const COMMANDS: readonly Command[] = [
  { id: 'pay', key: 'F9', labelKey: 'commands.pay', run: () => useCheckout.getState().startPay() },
  {
    id: 'confirm',
    key: 'Enter',
    labelKey: 'keypad.ok',
    run: () => {
      if (useEntry.getState().product) return void useEntry.getState().confirm();
      const phase = useCheckout.getState().phase;
      if (phase === 'paying') void useCheckout.getState().confirm();
      else if (phase === 'done') useCheckout.getState().next();
    },
  },
  {
    id: 'cancel',
    key: 'Escape',
    labelKey: 'commands.cancel',
    run: () => {
      if (useEntry.getState().product) useEntry.getState().cancel();
      else useCheckout.getState().back();
    },
  },
  { id: 'clear_cart', key: 'F4', labelKey: 'commands.clear_cart', run: () => useCheckout.getState().phase === 'selling' && useCart.getState().clear() },
];

export function runCommand(id: Command['id']): void {
  COMMANDS.find((c) => c.id === id)?.run();
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (useEntry.getState().product && /^[0-9.]$/.test(e.key)) {
        e.preventDefault();
        useEntry.getState().press(e.key);
        return;
      }
      if (useEntry.getState().product && e.key === 'Backspace') {
        e.preventDefault();
        useEntry.getState().press('⌫');
        return;
      }
      const cmd = COMMANDS.find((c) => c.key === e.key);
      if (cmd) {
        e.preventDefault();
        cmd.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
