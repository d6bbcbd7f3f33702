/**
 * Bargaining at the till (议价 on a line, an ad-hoc 抹零 off the sale): how much it takes off and whether the
 * cashier may do it alone. The stall's rule (shared/stall-settings.ts): a cashier may bargain a line down to
 * price_override_floor_pct of its list price where the stall allows price overrides, and take off a total's 角
 * and 分 (抹零 to the 元); beyond that a manager's PIN approves.
 */
import { priceSale, type CartLine, type LineEntry, type PricedProduct, type PricedSale } from './cart';
import type { RoundingMode } from './rounding';

/** Why the price was changed, journaled with who did it (the till shows these as buttons, no typing). */
export const BARGAIN_REASONS = ['regular', 'bulk', 'quality', 'closing'] as const;
export type BargainReason = (typeof BARGAIN_REASONS)[number];

/** What a line at the bargained unit price takes off the same line at the list price (0 when it costs more). */
export function lineCutFen(product: PricedProduct, entry: LineEntry, unitPriceFen: number): number {
  const at = (unit_price_fen: number) =>
    priceSale([{ product: { ...product, unit_price_fen }, entry, discount_fen: 0 }], 0, 'none').subtotal_fen;
  return Math.max(0, at(product.unit_price_fen) - at(unitPriceFen));
}

/** The lowest unit price a cashier may set alone: the stall's floor share of the list price, rounded up to the fen. */
export const cashierFloorFen = (listPriceFen: number, floorPct: number): number =>
  Math.ceil((listPriceFen * floorPct) / 100);

/** Whether bargaining a line from listPriceFen to unitPriceFen needs a manager's PIN under the stall's rule. */
export function lineNeedsManager(
  listPriceFen: number,
  unitPriceFen: number,
  rule: { allow_price_override: boolean; price_override_floor_pct: number },
): boolean {
  return (
    !rule.allow_price_override || unitPriceFen < cashierFloorFen(listPriceFen, rule.price_override_floor_pct)
  );
}

/** Whether an ad-hoc 抹零 of amountFen off totalBeforeFen needs a manager: a cashier drops the 角 and 分 only. */
export const roundOffNeedsManager = (totalBeforeFen: number, amountFen: number): boolean =>
  amountFen > totalBeforeFen % 100;

/**
 * Prices a sale with an ad-hoc 抹零: approved against the total as it was (the stall's rounding applied), it
 * comes off as sale discount and replaces the stall's rounding. Without one, the sale as priceSale prices it.
 */
export function priceWithRoundOff(
  lines: readonly CartLine[],
  saleDiscountFen: number,
  rounding: RoundingMode,
  roundOffFen: number | null,
): PricedSale {
  if (roundOffFen === null) return priceSale(lines, saleDiscountFen, rounding);
  return priceSale(lines, saleDiscountFen + roundOffFen, 'none');
}
