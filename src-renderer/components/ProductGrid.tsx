import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { searchProducts } from '../search';
import { useEntry } from '../stores/entry';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';

export function ProductGrid() {
  const { t } = useTranslation();
  const index = useSession((s) => s.index);
  const category = useUi((s) => s.category);
  const query = useUi((s) => s.query);
  const setCategory = useUi((s) => s.setCategory);
  const setQuery = useUi((s) => s.setQuery);
  const open = useEntry((s) => s.open);
  const products = searchProducts(index, query, category);
  return (
    <section className="products" aria-label={t('catalog.title')}>
      <div className="search-row">
        <input
          id="product-search"
          type="search"
          className="search"
          data-testid="search"
          aria-label={t('catalog.search')}
          placeholder={t('catalog.search_hint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && products[0] && query !== '') {
              open(products[0]);
              setQuery('');
            }
          }}
        />
      </div>
      <div className="categories" role="tablist" aria-label={t('catalog.categories')}>
        {[null, ...index.categories].map((c) => (
          <button
            key={c ?? '*'}
            type="button"
            role="tab"
            aria-selected={c === category}
            className={c === category ? 'tab active' : 'tab'}
            onClick={() => setCategory(c)}
          >
            {c ?? t('catalog.all')}
          </button>
        ))}
      </div>
      <div className="grid" data-testid="product-grid">
        {products.length === 0 && <p className="empty">{t('catalog.none', { query })}</p>}
        {products.map((p) => (
          <button
            key={p.id}
            type="button"
            className="product"
            data-testid={`product-${p.code}`}
            onClick={() => open(p)}
          >
            <span className="name">{p.name}</span>
            <span className="price num">
              {formatYuan(p.unit_price_fen)} {t('catalog.per', { unit: t(`units.${p.unit}`) })}
            </span>
            <span className="code">{p.code}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
