import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { formatWeight, isWeighed } from '../../shared/units';
import { runCommand } from '../commands';
import { priceCart, useCart } from '../stores/cart';
import { useSession } from '../stores/session';

export function Cart() {
  const { t } = useTranslation();
  const lines = useCart((s) => s.lines);
  const remove = useCart((s) => s.remove);
  const rounding = useSession((s) => s.info?.rounding ?? 'none');
  const priced = priceCart(lines, rounding);
  return (
    <section className="cart" aria-label={t('cart.title')}>
      <ol className="lines" data-testid="cart-lines">
        {lines.length === 0 && <li className="empty">{t('cart.empty')}</li>}
        {lines.map((l, i) => (
          <li key={i} className="line">
            <span className="name">{l.product.name}</span>
            <span className="qty num">
              {l.entry.kind === 'weight' && isWeighed(l.product.unit) ? formatWeight(l.entry.gross_g - l.entry.tare_g, l.product.unit) : l.entry.kind === 'count' ? l.entry.count : ''} {t(`units.${l.product.unit}`)} × {formatYuan(l.product.unit_price_fen)}
            </span>
            <span className="amount num">¥{formatYuan(l.amount_fen)}</span>
            <button type="button" className="remove" aria-label={`${t('cart.remove')} ${l.product.name}`} onClick={() => remove(i)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      {priced && priced.rounding_fen !== 0 && (
        <div className="rounding num" data-testid="cart-rounding">
          {t('cart.rounding')} {formatYuan(priced.rounding_fen)}
        </div>
      )}
      <div className="total">
        <span>{t('cart.total')}</span>
        <strong className="num" data-testid="cart-total">
          ¥{formatYuan(priced?.total_fen ?? 0)}
        </strong>
      </div>
      <div className="cart-actions">
        <button type="button" className="secondary" onClick={() => runCommand('clear_cart')} disabled={lines.length === 0}>
          {t('cart.clear')} (F4)
        </button>
        <button type="button" className="primary big" data-testid="pay-cash" onClick={() => runCommand('pay')} disabled={lines.length === 0}>
          {t('pay.cash')} (F9)
        </button>
      </div>
    </section>
  );
}
