/**
 * Cashier commands, declared once with their keyboard shortcut: the keyboard,
 * the keypad and the buttons all run the same code (Excalidraw's actions).
 * One key may serve several commands in different contexts: the first whose
 * `enabled()` holds runs.
 */
import { useBargain } from './stores/bargain';
import { useCart } from './stores/cart';
import { useCheckout, type PayMethod } from './stores/checkout';
import { useEntry } from './stores/entry';
import { useHistory } from './stores/history';
import { useParked } from './stores/parked';
import { useSession } from './stores/session';
import { useSignOut } from './stores/sign-out';
import { useUi, type Screen } from './stores/ui';

export type CommandId =
  | 'pay'
  | 'confirm'
  | 'cancel'
  | 'clear_cart'
  | 'park'
  | 'search'
  | 'line_up'
  | 'line_down'
  | 'line_remove'
  | 'line_edit'
  | 'line_discount'
  | 'line_tare'
  | `nav_${Screen}`
  | `tender_${PayMethod}`
  | 'add_part';

export interface Command {
  id: CommandId;
  /** KeyboardEvent.key; shown on the button */
  key: string | null;
  labelKey: string;
  enabled(): boolean;
  run(): void;
}

const signedIn = (): boolean => Boolean(useSession.getState().info?.cashier);
const keypadOpen = (): boolean => useEntry.getState().target !== null;
const phase = (): string => useCheckout.getState().phase;
const bargainOpen = (): boolean => useBargain.getState().ask !== null;
const modalOpen = (): boolean =>
  keypadOpen() ||
  bargainOpen() ||
  phase() !== 'selling' ||
  useHistory.getState().refund !== null ||
  useSignOut.getState().ask !== null ||
  useParked.getState().naming !== null;
/** Selling with nothing on top: the cart and grid have the keys. */
const selling = (): boolean => signedIn() && !modalOpen() && useUi.getState().screen === 'selling';
const lineSelected = (): boolean => selling() && useCart.getState().selected !== null;
const selectedIndex = (): number => useCart.getState().selected ?? -1;

const nav = (screen: Screen, key: string): Command => ({
  id: `nav_${screen}`,
  key,
  labelKey: `nav.${screen}`,
  enabled: () => signedIn() && !modalOpen(),
  run: () => {
    useUi.getState().setScreen(screen);
    if (screen === 'parked') void useParked.getState().load();
    if (screen === 'history') void useHistory.getState().load();
  },
});

const tender = (kind: PayMethod, key: string): Command => ({
  id: `tender_${kind}`,
  key,
  labelKey: `pay.method_${kind}`,
  enabled: () => phase() === 'paying',
  run: () => useCheckout.getState().setMethod(kind),
});

export const COMMANDS: readonly Command[] = [
  tender('cash', 'F1'),
  tender('qr', 'F2'),
  tender('payment_code', 'F3'),
  tender('account', 'F4'),
  tender('gateway', 'F5'),
  {
    id: 'add_part',
    key: 'F6',
    labelKey: 'pay.add_part',
    enabled: () => phase() === 'paying',
    run: () => useCheckout.getState().addPart(),
  },
  nav('selling', 'F1'),
  nav('parked', 'F2'),
  nav('history', 'F3'),
  nav('shift', 'F6'),
  nav('day', 'F7'),
  nav('settings', 'F8'),
  {
    id: 'clear_cart',
    key: 'F4',
    labelKey: 'commands.clear_cart',
    enabled: selling,
    run: () => void useParked.getState().voidCart(),
  },
  {
    id: 'park',
    key: 'F5',
    labelKey: 'commands.park',
    enabled: () => selling() && useCart.getState().lines.length > 0,
    run: () => useParked.getState().askName(),
  },
  {
    id: 'pay',
    key: 'F9',
    labelKey: 'commands.pay',
    enabled: () => selling() && useCart.getState().lines.length > 0,
    run: () => useCheckout.getState().startPay(),
  },
  {
    id: 'search',
    key: 'F10',
    labelKey: 'commands.search',
    enabled: selling,
    run: () => document.getElementById('product-search')?.focus(),
  },
  {
    id: 'line_up',
    key: 'ArrowUp',
    labelKey: 'cart.line_up',
    enabled: selling,
    run: () => useCart.getState().moveSelection(-1),
  },
  {
    id: 'line_down',
    key: 'ArrowDown',
    labelKey: 'cart.line_down',
    enabled: selling,
    run: () => useCart.getState().moveSelection(1),
  },
  {
    id: 'line_remove',
    key: 'Delete',
    labelKey: 'cart.remove',
    enabled: lineSelected,
    run: () => useCart.getState().remove(selectedIndex()),
  },
  {
    id: 'line_edit',
    key: '*',
    labelKey: 'cart.edit',
    enabled: lineSelected,
    run: () => useEntry.getState().openLine(selectedIndex(), 'edit'),
  },
  {
    id: 'line_discount',
    key: '-',
    labelKey: 'cart.discount',
    enabled: lineSelected,
    run: () => useEntry.getState().openLine(selectedIndex(), 'discount'),
  },
  {
    id: 'line_tare',
    key: '/',
    labelKey: 'cart.tare',
    enabled: lineSelected,
    run: () => useEntry.getState().openLine(selectedIndex(), 'tare'),
  },
  {
    id: 'confirm',
    key: 'Enter',
    labelKey: 'keypad.ok',
    enabled: () => true,
    run: () => {
      if (keypadOpen()) return void useEntry.getState().confirm();
      if (bargainOpen()) return void useBargain.getState().submit();
      if (useHistory.getState().refund) return void useHistory.getState().refundNow();
      if (useSignOut.getState().ask) return void useSignOut.getState().signOut();
      if (useParked.getState().naming !== null) return void useParked.getState().park();
      if (phase() === 'paying') void useCheckout.getState().confirm();
      else if (phase() === 'done') useCheckout.getState().next();
    },
  },
  {
    id: 'cancel',
    key: 'Escape',
    labelKey: 'commands.cancel',
    enabled: () => true,
    run: () => {
      if (keypadOpen()) return useEntry.getState().cancel();
      if (bargainOpen()) return useBargain.getState().cancel();
      if (useHistory.getState().refund) return useHistory.getState().cancelRefund();
      if (useSignOut.getState().ask) return useSignOut.getState().cancel();
      if (useParked.getState().naming !== null) return useParked.getState().cancelName();
      if (phase() === 'paying') return useCheckout.getState().back();
      if (phase() === 'done') return useCheckout.getState().next();
      useUi.getState().clearNotice();
    },
  },
];

export function commandFor(key: string): Command | null {
  return COMMANDS.find((c) => c.key === key && c.enabled()) ?? null;
}

export function runCommand(id: CommandId): void {
  const c = COMMANDS.find((x) => x.id === id);
  if (c?.enabled()) c.run();
}

export function keyOf(id: CommandId): string {
  return COMMANDS.find((c) => c.id === id)?.key ?? '';
}
