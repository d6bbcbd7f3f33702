import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  app: { title: 'Market till' },
  status: { online: 'Online', offline: 'Offline', queue: '{{count}} to sync', oldest: 'oldest {{age}}', printer_ready: 'Printer ready', printer_printing: 'Printing', printer_error: 'Printer problem: {{message}}', printer_none: 'No printer' },
  catalog: { title: 'Products', per: 'yuan/{{unit}}' },
  units: { jin: 'jin', kg: 'kg', piece: 'pc' },
  keypad: { weight: 'Weight ({{unit}})', count: 'Count (pieces)', ok: 'OK', cancel: 'Cancel', clear: 'Clear', invalid: 'Enter a valid quantity' },
  cart: { rounding: 'Rounding', title: 'Cart', empty: 'Tap a product to start', total: 'Total', remove: 'Remove', clear: 'Clear' },
  pay: { cash: 'Cash', tendered: 'Cash given (yuan)', change: 'Change', confirm: 'Take payment', short: '¥{{amount}} short', exact: 'Exact' },
  done: { title: 'Paid', receipt: 'Receipt', change: 'Change', printed: 'Receipt printed', print_failed: 'Receipt not printed: {{message}} (saved; reprint later)', next: 'Next buyer' },
  errors: { generic: 'Something went wrong: {{message}}', unauthorized: 'No launch token: open the address the till printed.' },
  signin: { title: 'Enter your cashier PIN', pin: 'PIN', submit: 'Sign in', signout: 'Sign out', wrong_pin: 'Wrong PIN, try again', locked: 'Too many wrong PINs, wait a moment' },
  commands: { pay: 'Pay', next: 'Next', cancel: 'Back', clear_cart: 'Clear' },
};
