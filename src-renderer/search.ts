/**
 * Finding a product as a cashier types: by name, by the initials of its
 * pinyin (大白菜 → dbc), or by its code. The index is built once per catalog
 * so each keystroke is a scan of short strings.
 */
import { initialsOf } from '../shared/pinyin';
import type { Product } from '../shared/contract/methods';

interface Entry {
  product: Product;
  name: string;
  initials: string;
  code: string;
}

export interface SearchIndex {
  entries: Entry[];
  categories: string[];
}

export { initialsOf };

export function buildIndex(products: readonly Product[]): SearchIndex {
  const categories: string[] = [];
  for (const p of products) if (p.category && !categories.includes(p.category)) categories.push(p.category);
  return {
    entries: products.map((p) => ({
      product: p,
      name: p.name.toLowerCase(),
      initials: initialsOf(p.name),
      code: p.code.toLowerCase(),
    })),
    categories,
  };
}

/** Products in the category (null: all) matching the query; an empty query matches all. Code and initial matches come first. */
export function searchProducts(index: SearchIndex, query: string, category: string | null): Product[] {
  const q = query.trim().toLowerCase();
  const inCategory = index.entries.filter((e) => category === null || e.product.category === category);
  if (q === '') return inCategory.map((e) => e.product);
  const ranked: { p: Product; rank: number }[] = [];
  for (const e of index.entries) {
    const rank =
      e.code === q
        ? 0
        : e.code.startsWith(q)
          ? 1
          : e.initials.startsWith(q)
            ? 2
            : e.name.includes(q)
              ? 3
              : e.initials.includes(q)
                ? 4
                : -1;
    if (rank >= 0) ranked.push({ p: e.product, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.p);
}

export function productByCode(index: SearchIndex, code: string): Product | null {
  const c = code.trim().toLowerCase();
  return index.entries.find((e) => e.code === c)?.product ?? null;
}
