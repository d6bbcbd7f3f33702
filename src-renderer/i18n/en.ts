import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  app: { title: 'Market till', loading: 'Connecting to the till…' },
  nav: { label: 'Functions', selling: 'Sell', parked: 'Parked', history: 'History', shift: 'Shift', day: 'Day close', settings: 'Settings' },
  status: {
    online: 'Online', offline: 'Offline (selling goes on; uploads when back online)', queue: '{{count}} to sync', oldest: 'oldest {{age}} ago', age_s: '{{n}} s', age_m: '{{n}} min', age_h: '{{n}} h',
    core_down: 'The till program is not answering: restart the till',
    printer_ready: 'Printer ready', printer_printing: 'Printing', printer_near_end: 'Paper running low', printer_paper_out: 'PRINTER OUT OF PAPER! Load paper', printer_cover_open: 'Printer cover open', printer_offline: 'Printer unreachable: check power and cable', printer_error: 'Printer problem', printer_none: 'No printer', printer_detail: '({{message}})',
    scanner_none: 'No scanner', scanner_connecting: 'Scanner connecting', scanner_ready: 'Scanner ready', scanner_error: 'Scanner problem',
    scale_none: 'No scale', scale_connecting: 'Scale connecting', scale_ready: 'Scale ready', scale_error: 'Scale problem',
  },
  catalog: { title: 'Products', per: 'yuan/{{unit}}', search: 'Search products', search_hint: 'Name, pinyin initials or code (F10)', categories: 'Categories', all: 'All', none: 'Nothing matches “{{query}}”: try another name or pinyin initials' },
  units: { jin: 'jin', kg: 'kg', piece: 'pc', yuan: 'yuan' },
  keypad: {
    weight: 'Weight ({{unit}})', count: 'Count ({{unit}})', amount: 'Amount ({{unit}})', discount: 'Discount ({{unit}})', tare: 'Tare ({{unit}})',
    clear: 'Clear', ok: 'OK', cancel: 'Cancel', backspace: 'Backspace', mode: 'Entry', by_weight: 'By weight', by_count: 'By count', by_amount: 'By amount',
    read_scale: 'Read the scale', scale_unstable: 'The scale is not steady yet: read again when it settles', scale_none: 'No reading from the scale: check it, or type the weight',
    invalid: 'Enter a valid number', tare_too_big: 'Tare must be less than the gross weight', discount_too_big: 'The discount cannot exceed the line amount',
  },
  cart: {
    title: 'Cart', empty: 'Tap a product or scan a barcode to start', total: 'Total', rounding: 'Rounding', discounts: 'Discounts', remove: 'Remove', edit: 'Quantity', tare: 'Tare', discount: 'Discount',
    typed_amount: 'By amount', tare_of: 'tare {{w}} {{unit}}', discount_of: '{{amount}} yuan off', up: 'Previous line', down: 'Next line',
  },
  pay: {
    title: 'Payment', methods: 'Payment method', method_cash: 'Cash', method_qr: 'QR pay', method_payment_code: 'Pay code', method_account: 'On account', method_gateway: 'Pay via bank gateway',
    tendered: 'Cash given (yuan)', change: 'Change', exact: 'Exact', short: '¥{{amount}} short', confirm: 'Take ¥{{amount}}', committing: 'Saving…',
    part_amount: 'Amount of this part (yuan; empty: all that is left)', add_part: 'Take this part first', parts: 'Parts', left: 'Left to pay', remove_part: 'Remove this part',
    qr_hint: 'After confirming, the pay code is shown large for the buyer; until paid the sale is “waiting for payment”.', code: "Buyer's pay code", code_hint: "Scan the pay code on the buyer's phone",
    provider_wechat: 'WeChat Pay code', provider_alipay: 'Alipay code', provider_unionpay: 'UnionPay code',
    buyer: 'Buyer on account', no_buyers: 'No buyers may buy on account at this stall yet: add them in the back office', limit: 'limit', owing: 'owing', room: 'can still owe',
    cash_last: 'Cash goes last: take the other parts first', bad_amount: 'That amount is not valid: type it again', part_too_big: 'A part must be less than what is left; to take it all, just confirm',
    too_many_parts: 'A sale takes at most 4 parts', use_split: 'That is not what is left: press “Take this part first” (F6)', code_needed: "Scan the buyer's pay code (16–24 digits)",
    account_fits: 'Put ¥{{room}} on account, pay the rest another way',
    cash_too_much: 'Cash given ¥{{amount}} cannot be right: far more than due; type it again (it looks like a scanned code)', moved_to_code: "That was the buyer's pay code: switched to pay code; check the amount and confirm again",
    gateway_hint: "A large amount is paid by the buyer's company through the bank (B2B) gateway: the receipt prints the pay link as a QR code to open on a phone or PC; until paid the sale is “waiting for payment”.",
    over_code_limit: 'Above the ¥{{cap}} a payer may pay by QR or pay code per day (PBoC 2017 No. 296): pay via the bank (B2B) gateway', use_gateway: 'B2B gateway / pay via bank gateway',
    buyer_needed: 'Pick the buyer first', over_limit: '{{name}} can owe at most ¥{{room}} more: take the rest another way',
  },
  done: {
    title: 'Paid', title_pending: 'Saved, waiting for the buyer to pay', receipt: 'Receipt', change: 'Change', printed: 'Receipt printed', print_failed: 'Receipt not printed but saved: it prints once the printer is fixed, or reprint it from History',
    no_printer: 'No printer: the receipt is saved and can be seen in History',
    waited: '{{s}} s', next: 'Next buyer', qr_label: 'Pay QR code', qr_placeholder: 'Ask the buyer to scan the QR code on the receipt', tender_pending: 'waiting for payment', tender_paid: 'paid', tender_failed: 'payment failed',
    gateway_caption: "Large amount: the buyer's company scans this to pay through its bank (above the QR limit)",
  },
  parked: { voided: 'Cleared; the void is recorded', title: 'Parked sales', none: 'No parked sales', lines: '{{count}} items', resume: 'Resume', parked: 'Sale parked: serve the next buyer', cart_not_empty: 'The cart is not empty: take payment or park it first', product_gone: 'A product is no longer sold ({{id}}) and was left out' },
  history: {
    title: 'Receipts', search: 'Search receipts', search_hint: 'Last digits of the receipt number', none: 'No receipts found', pick: 'Pick a receipt on the left', detail: 'Receipt detail', preview: 'Receipt preview', no_receipt: 'No receipt was stored for this sale',
    status_pending: 'Waiting for payment', status_completed: 'Completed', reprint: 'Reprint', reprinted: 'Reprinted (marked as a copy)', reprint_waiting: 'The copy is saved and prints once the printer is ready',
    lines: 'Tap items to refund only those (none: the whole sale)', line_refunded: 'refunded',
    refund: 'Refund ¥{{amount}}', refunded: 'Refunded', refund_done: 'Refunded ¥{{amount}} ({{no}}) to the original payment methods',
  },
  refund: {
    title: 'Confirm refund', manager_title: 'Manager approval needed', amount: 'Refund', hint: 'The whole sale is refunded to how it was paid: cash from the drawer to the buyer.', manager_hint: "This refund is above the cashier's limit: a manager enters their PIN.",
    manager_pin: 'Manager PIN', wrong_pin: "That is not a manager's PIN: the manager must enter it", confirm: 'Refund',
  },
  shift: {
    title: 'Shift', none: 'No shift is open. The first sale opens one; you can also record the float first.', float_prompt: 'Float in the drawer (yuan)', open: 'Open shift', open_now: 'Current shift', start: 'Open a shift',
    open_since: 'Shift started {{time}}', float: 'Float', expected: 'Cash expected', counted: 'Cash counted', count_prompt: 'Count the drawer and enter the cash (yuan)', close: 'Close shift',
    closed: 'Shift closed', over_short: 'Over/short', over: 'Over', short: 'Short', even: 'Even', bad_amount: 'That amount is not valid: type it again',
  },
  day: {
    title: 'Day close', sales_count: 'Sales', gross: 'Gross', discounts: 'Discounts', rounding: 'Rounding', refunds: 'Refunds ({{count}})', voids: 'Voids ({{count}})', net: 'Net',
    by_tender: 'By payment method', tender: 'Method', count: 'Count', amount: 'Amount', pending: 'Pending', refunded: 'Refunded',
    manager_signin: 'Manager: sign in to close the day', confirm: 'Yes, close the day', confirm_hint: 'After the close, today is done: later sales count for the next business day.',
    receipts: 'Receipts {{first}} to {{last}}', close: 'Close the day', closed: 'The day is closed; the Z report is saved and will sync', manager_only: 'Day close needs a manager: sign in as the manager first',
  },
  settings: {
    title: 'Settings', language: 'Language', lang_zh: '中文', lang_en: 'English', paper: 'Receipt width (preview)', weight_unit: 'Weigh in', weight_product: "The product's unit", weight_jin: 'jin', weight_kg: 'kg',
    test_printer: 'Print a test page', test_printed: 'Test page printed', test_failed: 'The test page did not print: see the printer in the status bar',
    devices: 'Devices', printer: 'Printer', scanner: 'Scanner', scale: 'Scale', wedge_only: 'Keyboard-wedge scanner (works as is)', unknown: 'Unknown', till: 'This till',
    market: 'Market', terminal: 'Terminal', rounding: 'Rounding', rounding_none: 'None', rounding_floor_jiao: 'Drop fen', rounding_round_jiao: 'Round to jiao', rounding_floor_yuan: 'Drop jiao and fen',
    voice: 'Spoken announcements', voice_on: 'On', voice_off: 'Off', volume: 'Volume', voice_test: 'Try it',
  },
  scan: { unknown_product: 'Barcode {{code}} is not a product of this stall: check it, or tap the product', not_payment: "Taking payment: scan the buyer's pay code (got {{code}})", payment_code_not_paying: 'That is a pay code: press F9 to take payment, then scan it' },
  errors: {
    core: 'Cannot reach the till program: {{message}}. Restart the till; sales already taken are safe.', generic: 'Something went wrong: {{message}}', unauthorized: 'No launch token: open the address the till printed.',
    bad_request: 'Something entered is not valid: check it and try again', not_found: 'Not found: it may have been removed; refresh and try again', conflict: 'Not possible right now: finish the previous step first',
    insufficient_tender: 'Not enough money taken: add the rest', invalid_cart: 'A cart line is not valid: fix its quantity or discount, then take payment', credit_limit_exceeded: "Above this buyer's credit limit: take the rest another way",
    qr_limit_exceeded: 'Above the QR / pay-code limit: pay via the bank (B2B) gateway',
    not_signed_in: 'Sign in as a cashier first', wrong_pin: 'Wrong PIN, try again', manager_required: "A manager is needed: sign in as the manager or enter the manager's PIN", refund_exceeds_paid: 'More than was paid: this sale may already be refunded',
    printer_error: 'The printer has a problem: the receipt is saved and prints once it is fixed', storage_error: 'Could not save (disk full or busy): nothing was recorded; try again, and call the admin if it keeps happening', internal: 'The till program failed: try again, and restart the till if it keeps failing',
  },
  signin: { title: 'Enter your cashier PIN', pin: 'PIN', submit: 'Sign in', signout: 'Sign out', wrong_pin: 'Wrong PIN, try again', locked: 'Too many wrong PINs, wait a moment' },
  signout: {
    title: 'Manager approval needed to sign out', at_risk: 'Entries not yet synced to the server: {{count}}. A manager must approve signing out.', hint: 'They are kept on this PC and upload once the server is reachable. The manager enters their PIN to sign out.',
    manager_pin: "Manager's PIN", wrong_pin: "That is not a manager's PIN: the manager enters it", confirm: 'Sign out',
  },
  commands: { pay: 'Pay', next: 'Next', cancel: 'Back', clear_cart: 'Clear', park: 'Park', search: 'Search', close: 'Close' },
};
