/**
 * A ceiling on every amount and count a person can type or a till can send (TIGER_STYLE: "put a limit on
 * everything"), units last. The core's contract schemas, the cart rules, the renderer's keypad and the
 * server's routes all read them from here, so a value one side accepts the other never refuses — a price
 * the till takes is one the server can store, and the other way round. All products of these stay far
 * inside Number.MAX_SAFE_INTEGER (a weighed line is at most WEIGHT_G_MAX / 500 × PRICE_FEN_MAX = 2 × 10^9 fen).
 */

/** A unit price (per jin, kg or piece), from the catalog or overridden at the till: ¥10,000, beyond any
 * produce — a typo of a few zeros is refused, not sold. */
export const PRICE_FEN_MAX = 1_000_000;
/** One line's amount (weighed, counted or typed), and so its discount: 1,000,000 元. */
export const LINE_AMOUNT_FEN_MAX = 100_000_000;
/** A sale's total, and so any one tender or the cash handed over: 10,000,000 元. */
export const SALE_TOTAL_FEN_MAX = 1_000_000_000;
/** The cash counted in the drawer at shift close, and the float put in at shift open: 1,000,000 元. */
export const COUNTED_CASH_FEN_MAX = 100_000_000;
/** A buyer's credit limit on account, set at the server: 10,000,000 元. */
export const CREDIT_LIMIT_FEN_MAX = 1_000_000_000;
/** A sum the server's ledger books in one posting (a day's takings of the whole market): 10^11 元. */
export const LEDGER_AMOUNT_FEN_MAX = 10_000_000_000_000;
/** A gross or tare weight on one line: one tonne. */
export const WEIGHT_G_MAX = 1_000_000;
/** Pieces on one counted line, or refunded from one line. */
export const QUANTITY_MAX = 100_000;
/** Lines in one sale (and in one parked or voided cart). */
export const LINES_PER_SALE_MAX = 200;
/** A parked sale's label (a buyer's name, a truck's plate number), in characters. */
export const PARK_LABEL_CHARS_MAX = 40;
/** Tenders that pay one sale (cash, QR, payment code, on account, in any mix). */
export const TENDERS_PER_SALE_MAX = 4;
