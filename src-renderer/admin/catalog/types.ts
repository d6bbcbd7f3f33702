/** A product as the staff API answers it (src-server/catalog/products.ts `productView`). */
import type { Unit } from '../../../shared/units';

export interface ProductRow {
  id: string;
  stall_id: string;
  code: string;
  name: string;
  unit: Unit;
  unit_price_fen: number;
  category: string;
  ean: string | null;
  pinyin: string;
}

export interface PriceChange {
  unit_price_fen: number;
  prev_price_fen: number | null;
  changed_ms: number;
  changed_by: string;
}
