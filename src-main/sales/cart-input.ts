/** Turning the contract's cart input into priced lines, with prices from the catalog (and today's overrides). */
import { CodedError } from '../../shared/contract/envelope';
import type { Product } from '../../shared/contract/methods';
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

export interface CartInput {
  lines: { product_id: string; entry: LineEntry; discount_fen: number }[];
  sale_discount_fen: number;
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
    return { product: p, entry: l.entry, discount_fen: l.discount_fen };
  });
  try {
    return { priced: priceSale(lines, cart.sale_discount_fen, rounding), products };
  } catch (err) {
    if (err instanceof CartError) throw new CodedError('invalid_cart', err.message);
    throw err;
  }
}
