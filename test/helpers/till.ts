/** A till database with a catalog, buyers and cashiers, without a server: for the core's domain tests. */
import { findByPin, seedDefaultCashiers, type Cashier } from '../../src-main/cashiers/cashier-store';
import { replaceBuyers } from '../../src-main/buyers/buyer-store';
import { replaceCatalog } from '../../src-main/catalog/catalog-store';
import { openTerminalDb, type Db } from '../../src-main/store/db';
import { saveTillSettings, type TillSettings } from '../../src-main/store/till-settings';
import { DEFAULT_STALL_SETTINGS } from '../../shared/stall-settings';
import { saveIdentityFromConfig, type TerminalIdentity } from '../../src-main/sync/identity';
import type { Product } from '../../shared/contract/methods';
import type { CartInput } from '../../src-main/sales/cart-input';
import { tempDir } from './temp';

export const PRODUCTS: Product[] = [
  { id: 'P-CAB', code: 'V001', name: '大白菜', unit: 'jin', unit_price_fen: 120, category: '叶菜' },
  { id: 'P-TOM', code: 'V003', name: '西红柿', unit: 'kg', unit_price_fen: 640, category: '茄果' },
  { id: 'P-GAR', code: 'V006', name: '蒜头（网袋）', unit: 'piece', unit_price_fen: 1500, category: '葱蒜' },
];

export interface Till {
  dir: string;
  db: Db;
  who: TerminalIdentity;
  cashier: Cashier;
  manager: Cashier;
  close(): void;
}

export function openTill(opts: { dir?: string; settings?: Partial<TillSettings> } = {}): Till {
  const dir = opts.dir ?? tempDir('till');
  const db = openTerminalDb(dir);
  const who = saveIdentityFromConfig(db, 'http://127.0.0.1:9', {
    version: 1,
    terminal_id: 'TTEST1',
    market_name: '城南农产品批发市场',
    stall_id: 'S01',
    stall_name: '老王蔬菜批发',
    time_zone: 'Asia/Shanghai',
    day_cutoff_hour: 4,
    products: PRODUCTS,
    cashiers: [],
    buyers: [],
    settings: DEFAULT_STALL_SETTINGS,
  });
  replaceCatalog(db, PRODUCTS);
  replaceBuyers(db, [
    { id: 'B1', name: '张老板饭店', credit_limit_fen: 50_000, balance_fen: 10_000, as_of_seq: 0 },
  ]);
  saveTillSettings(db, { ...DEFAULT_STALL_SETTINGS, ...opts.settings });
  seedDefaultCashiers(db);
  const cashier = findByPin(db, '1234');
  const manager = findByPin(db, '8888', 'manager');
  if (!cashier || !manager) throw new Error('default cashiers missing');
  return { dir, db, who, cashier, manager, close: () => db.close() };
}

export const weight = (product_id: string, grams: number, tare = 0): CartInput['lines'][number] => ({
  product_id,
  entry: { kind: 'weight' as const, gross_g: grams + tare, tare_g: tare },
  discount_fen: 0,
});
export const pieces = (product_id: string, count: number): CartInput['lines'][number] => ({
  product_id,
  entry: { kind: 'count' as const, count },
  discount_fen: 0,
});
