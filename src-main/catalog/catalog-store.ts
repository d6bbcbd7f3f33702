/** The catalog as synced from the server; the till sells only what is here. */
import type { Product } from '../../shared/contract/methods';
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';

// A local price override (早晚市调价) replaces the synced price until the next catalog version.
const SELECT_PRODUCT = `SELECT p.id, p.code, p.name, p.unit, COALESCE(o.unit_price_fen, p.unit_price_fen) AS unit_price_fen, p.category
  FROM product p LEFT JOIN price_override o ON o.product_id = p.id`;

export function listProducts(db: Db): Product[] {
  return stmt(db, `${SELECT_PRODUCT} ORDER BY p.category, p.code`).all() as Product[];
}

export function setPriceOverride(
  db: Db,
  productId: string,
  unitPriceFen: number,
  cashierId: string,
  nowMs: number,
): boolean {
  const exists = stmt(db, 'SELECT 1 FROM product WHERE id = ?').get(productId);
  if (!exists) return false;
  stmt(
    db,
    'INSERT INTO price_override (product_id, unit_price_fen, set_by, set_ms) VALUES (?, ?, ?, ?) ON CONFLICT(product_id) DO UPDATE SET unit_price_fen = excluded.unit_price_fen, set_by = excluded.set_by, set_ms = excluded.set_ms',
  ).run(productId, unitPriceFen, cashierId, nowMs);
  return true;
}

export function getProducts(db: Db, ids: readonly string[]): Map<string, Product> {
  const byId = stmt(db, `${SELECT_PRODUCT} WHERE p.id = ?`);
  const out = new Map<string, Product>();
  for (const id of new Set(ids)) {
    const p = byId.get(id) as Product | undefined;
    if (p) out.set(id, p);
  }
  return out;
}

/** Replaces the catalog with a pulled version, in one transaction. */
export function replaceCatalog(db: Db, products: readonly Product[], newVersion: boolean): void {
  tx(db, () => {
    stmt(db, 'DELETE FROM product').run();
    // A new catalog version carries the merchant's new prices: local overrides end with it.
    if (newVersion) stmt(db, 'DELETE FROM price_override').run();
    const ins = stmt(
      db,
      'INSERT INTO product (id, code, name, unit, unit_price_fen, category) VALUES (@id, @code, @name, @unit, @unit_price_fen, @category)',
    );
    for (const p of products) ins.run(p);
  });
}
