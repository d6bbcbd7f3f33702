import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { useEntry } from '../stores/entry';
import { useSession } from '../stores/session';

export function ProductGrid() {
  const { t } = useTranslation();
  const products = useSession((s) => s.products);
  const open = useEntry((s) => s.open);
  return (
    <section className="products" aria-label={t('catalog.title')}>
      {products.map((p) => (
        <button key={p.id} type="button" className="product" data-testid={`product-${p.code}`} onClick={() => open(p)}>
          <span className="name">{p.name}</span>
          <span className="price num">
            {formatYuan(p.unit_price_fen)} {t('catalog.per', { unit: t(`units.${p.unit}`) })}
          </span>
        </button>
      ))}
    </section>
  );
}
