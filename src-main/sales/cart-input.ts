/** Turning the contract's cart input into priced lines, with prices from the catalog (and approved bargains). */
import { CodedError } from '../../shared/contract/envelope';
import type { Product } from '../../shared/contract/methods';
import { priceWithRoundOff } from '../../shared/sales/bargain';
import {
  CartError,
  priceSale,
  type CartLine,
  type LineEntry,
  type PricedSale,
} from '../../shared/sales/cart';
import type { RoundingMode } from '../../shared/sales/rounding';
import { getProducts } from '../catalog/catalog-store';
import type { Db } from '../store/db';
import { bargainedProduct, roundOffFen } from './bargains';

export interface CartInput {
  lines: { product_id: string; entry: LineEntry; discount_fen: number; override_id?: string | undefined }[];
  sale_discount_fen: number;
  round_off_id?: string | undefined;
}

export function priceCart(
  db: Db,
  cart: CartInput,
  rounding: RoundingMode,
): { priced: PricedSale; products: Map<string, Product> } {
  const products = getProducts(
    db,
    cart.lines.map((l) => l.product_id),
  );
  const lines: CartLine[] = cart.lines.map((l) => {
    const p = products.get(l.product_id);
    if (!p) throw new CodedError('not_found', `product ${l.product_id} is not in the catalog`);
    const product = l.override_id === undefined ? p : bargainedProduct(db, p, l.entry, l.override_id);
    return { product, entry: l.entry, discount_fen: l.discount_fen };
  });
  try {
    const roundOff =
      cart.round_off_id === undefined
        ? null
        : roundOffFen(db, cart.round_off_id, priceSale(lines, cart.sale_discount_fen, rounding).total_fen);
    return { priced: priceWithRoundOff(lines, cart.sale_discount_fen, rounding, roundOff), products };
  } catch (err) {
    if (err instanceof CartError) throw new CodedError('invalid_cart', err.message);
    throw err;
  }
}
