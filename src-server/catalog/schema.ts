/**
 * Row types of the catalog tables added for the desk (migration 007-desk-catalog),
 * mirroring it exactly; `cdb(db)` widens any server Kysely (or transaction) to see them.
 */
import type { Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';

/** One price a stall set for a product: the board's save writes one per product it changed. */
export interface ProductPriceTable {
  id: string;
  product_id: string;
  stall_id: string;
  unit_price_fen: number;
  /** null for the product's first price */
  prev_price_fen: number | null;
  changed_ms: number;
  /** the staff username who saved it */
  changed_by: string;
}

/** A market-wide product a stall may copy into its own catalog. */
export interface CatalogTemplateTable {
  id: string;
  code: string;
  name: string;
  unit: string;
  unit_price_fen: number;
  category: string;
  ean: string | null;
}

export type CatalogSchema = {
  product_price: ProductPriceTable;
  catalog_template: CatalogTemplateTable;
};
export type CatalogDb = Kysely<ServerSchema & CatalogSchema>;

export function cdb(db: Kysely<ServerSchema>): CatalogDb {
  return db.withTables<CatalogSchema>();
}
