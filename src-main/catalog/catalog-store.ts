/** The catalog as synced from the server; the till sells only what is here. */
import type { Product } from '../../shared/contract/methods';
import type { Db } from '../store/db';

export function listProducts(db: Db): Product[] {
  return db.prepare('SELECT id, code, name, unit, unit_price_fen, category FROM product ORDER BY category, code').all() as Product[];
}

export function getProducts(db: Db, ids: readonly string[]): Map<string, Product> {
  const stmt = db.prepare('SELECT id, code, name, unit, unit_price_fen, category FROM product WHERE id = ?');
  const out = new Map<string, Product>();
  for (const id of new Set(ids)) {
    const p = stmt.get(id) as Product | undefined;
    if (p) out.set(id, p);
  }
  return out;
}

/** Replaces the catalog with a pulled version, in one transaction. */
export function replaceCatalog(db: Db, products: readonly Product[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM product').run();
    const ins = db.prepare('INSERT INTO product (id, code, name, unit, unit_price_fen, category) VALUES (@id, @code, @name, @unit, @unit_price_fen, @category)');
    for (const p of products) ins.run(p);
  })();
}
