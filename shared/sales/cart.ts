/**
 * Pricing a sale, pure: the renderer shows it, the core recomputes it before
 * committing (never trusting the renderer's numbers). Invariant, property-tested:
 *   subtotal − line discounts − sale discount + rounding = total
 * and every line carries its net share of the total (sum of shares = total),
 * which is what a refund of that line gives back.
 */
import { LINE_AMOUNT_FEN_MAX, LINES_PER_SALE_MAX, PRICE_FEN_MAX, SALE_TOTAL_FEN_MAX } from '../limits';
import { mulDivRoundHalfUp } from '../money';
import { isWeighed, lineAmount, type Unit } from '../units';
import { roundingAdjustment, type RoundingMode } from './rounding';

/** How a line's quantity was given. */
export type LineEntry =
  /** weighed: gross from the scale or typed, minus tare (container) */
  | { kind: 'weight'; gross_g: number; tare_g: number }
  /** counted pieces */
  | { kind: 'count'; count: number }
  /** the cashier typed the line's amount (e.g. a mixed bag at an agreed price) */
  | { kind: 'amount'; amount_fen: number };

export interface PricedProduct {
  id: string;
  name: string;
  unit: Unit;
  unit_price_fen: number;
}

export interface CartLine {
  product: PricedProduct;
  entry: LineEntry;
  discount_fen: number;
}

export interface PricedLine {
  line_no: number;
  product_id: string;
  name: string;
  unit: Unit;
  kind: LineEntry['kind'];
  /** net grams for weight lines, count for pieces, 0 for typed amounts */
  quantity: number;
  tare_g: number;
  unit_price_fen: number;
  amount_fen: number;
  discount_fen: number;
  /** this line's share of the sale total after sale discount and rounding */
  net_fen: number;
}

export interface PricedSale {
  lines: PricedLine[];
  subtotal_fen: number;
  line_discount_fen: number;
  sale_discount_fen: number;
  rounding_fen: number;
  total_fen: number;
}

export class CartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CartError';
  }
}

function priceLine(l: CartLine, lineNo: number): Omit<PricedLine, 'net_fen'> {
  const p = l.product;
  const base = {
    line_no: lineNo,
    product_id: p.id,
    name: p.name,
    unit: p.unit,
    unit_price_fen: p.unit_price_fen,
    discount_fen: l.discount_fen,
  };
  if (!Number.isSafeInteger(p.unit_price_fen) || p.unit_price_fen < 0 || p.unit_price_fen > PRICE_FEN_MAX)
    throw new CartError(`${p.name}: unit price above the limit of ${PRICE_FEN_MAX} fen`);
  let amount: number;
  let quantity: number;
  let tare = 0;
  switch (l.entry.kind) {
    case 'weight': {
      if (!isWeighed(p.unit)) throw new CartError(`${p.name} is sold by the piece, not by weight`);
      const { gross_g, tare_g } = l.entry;
      if (
        !Number.isSafeInteger(gross_g) ||
        !Number.isSafeInteger(tare_g) ||
        tare_g < 0 ||
        gross_g - tare_g <= 0
      )
        throw new CartError(`${p.name}: net weight must be positive (gross ${gross_g} g, tare ${tare_g} g)`);
      quantity = gross_g - tare_g;
      tare = tare_g;
      amount = lineAmount(p.unit, quantity, p.unit_price_fen);
      break;
    }
    case 'count':
      if (isWeighed(p.unit)) throw new CartError(`${p.name} is sold by weight, not by the piece`);
      if (!Number.isSafeInteger(l.entry.count) || l.entry.count <= 0)
        throw new CartError(`${p.name}: count must be a positive whole number`);
      quantity = l.entry.count;
      amount = lineAmount(p.unit, quantity, p.unit_price_fen);
      break;
    case 'amount':
      if (!Number.isSafeInteger(l.entry.amount_fen) || l.entry.amount_fen <= 0)
        throw new CartError(`${p.name}: typed amount must be positive`);
      quantity = 0;
      amount = l.entry.amount_fen;
      break;
  }
  if (amount > LINE_AMOUNT_FEN_MAX)
    throw new CartError(`${p.name}: line amount above the limit of ${LINE_AMOUNT_FEN_MAX} fen`);
  if (!Number.isSafeInteger(l.discount_fen) || l.discount_fen < 0 || l.discount_fen > amount)
    throw new CartError(`${p.name}: discount must be between 0 and the line amount`);
  return { ...base, kind: l.entry.kind, quantity, tare_g: tare, amount_fen: amount };
}

/** Splits `total` over `weights` proportionally, largest remainder first; the parts sum to `total` exactly. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((w) => Math.floor(Number((BigInt(total) * BigInt(w)) / BigInt(sum))));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, rem: Number((BigInt(total) * BigInt(w)) % BigInt(sum)) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const idx = order[k]?.i ?? 0;
    parts[idx] = (parts[idx] ?? 0) + 1;
  }
  return parts;
}

export function priceSale(
  lines: readonly CartLine[],
  saleDiscountFen: number,
  rounding: RoundingMode,
): PricedSale {
  if (lines.length === 0) throw new CartError('a sale needs at least one line');
  if (lines.length > LINES_PER_SALE_MAX)
    throw new CartError(`a sale has at most ${LINES_PER_SALE_MAX} lines`);
  const priced = lines.map((l, i) => priceLine(l, i + 1));
  const subtotal = priced.reduce((a, l) => a + l.amount_fen, 0);
  const lineDiscounts = priced.reduce((a, l) => a + l.discount_fen, 0);
  const afterLines = subtotal - lineDiscounts;
  if (!Number.isSafeInteger(saleDiscountFen) || saleDiscountFen < 0 || saleDiscountFen > afterLines)
    throw new CartError('sale discount must be between 0 and the amount after line discounts');
  const beforeRounding = afterLines - saleDiscountFen;
  const roundingFen = roundingAdjustment(beforeRounding, rounding);
  const total = beforeRounding + roundingFen;
  if (total > SALE_TOTAL_FEN_MAX)
    throw new CartError(`sale total above the limit of ${SALE_TOTAL_FEN_MAX} fen`);
  const shares = allocate(
    total,
    priced.map((l) => l.amount_fen - l.discount_fen),
  );
  return {
    lines: priced.map((l, i) => ({ ...l, net_fen: shares[i] ?? 0 })),
    subtotal_fen: subtotal,
    line_discount_fen: lineDiscounts,
    sale_discount_fen: saleDiscountFen,
    rounding_fen: roundingFen,
    total_fen: total,
  };
}

/** The refundable share of `quantity` out of a line (typed-amount lines refund whole). */
export function lineShare(line: Pick<PricedLine, 'net_fen' | 'quantity'>, quantity: number): number {
  if (line.quantity === 0 || quantity === line.quantity) return line.net_fen;
  return mulDivRoundHalfUp(line.net_fen, quantity, line.quantity);
}
