/** A product's prices over time, newest first. */
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../../shared/money';
import { api, call } from '../api';
import { useLoad } from '../useLoad';
import { formatWhen as when } from '../when';

export function PriceHistory({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const h = useLoad(`hist-${productId}`, () =>
    call(api.priceHistory, { params: { product_id: productId }, query: { limit: 50 } }),
  );
  if (h.error)
    return (
      <p role="alert" className="error">
        {h.error}
      </p>
    );
  if (!h.data) return <p className="loading">{t('app.loading')}</p>;
  if (h.data.prices.length === 0) return <p className="muted">{t('cat.noHistory')}</p>;
  return (
    <table className="history" aria-label={t('cat.history')}>
      <thead>
        <tr>
          <th>{t('cat.changedAt')}</th>
          <th className="num">{t('cat.from')}</th>
          <th className="num">{t('cat.to')}</th>
          <th>{t('cat.changedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {h.data.prices.map((p, i) => (
          <tr key={i}>
            <td className="nowrap">{when(p.changed_ms)}</td>
            <td className="num">{p.prev_price_fen === null ? '—' : formatCny(p.prev_price_fen)}</td>
            <td className="num">{formatCny(p.unit_price_fen)}</td>
            <td>{p.changed_by}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
