/** The catalog as synced from the server; the till sells only what is here. */
import type { Product } from '../../shared/contract/methods';
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';

const SELECT_PRODUCT = 'SELECT p.id, p.code, p.name, p.unit, p.unit_price_fen, p.category FROM product p';

export function listProducts(db: Db): Product[] {
  return stmt(db, `${SELECT_PRODUCT} ORDER BY p.category, p.code`).all() as Product[];
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
export function replaceCatalog(db: Db, products: readonly Product[]): void {
  tx(db, () => {
    stmt(db, 'DELETE FROM product').run();
    const ins = stmt(
      db,
      'INSERT INTO product (id, code, name, unit, unit_price_fen, category) VALUES (@id, @code, @name, @unit, @unit_price_fen, @category)',
    );
    for (const p of products) ins.run(p);
  });
}
