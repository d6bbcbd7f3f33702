import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { CommandButton, Money } from './bits';
import { priceCart, sellingAt, useCart } from '../stores/cart';
import { useEntry } from '../stores/entry';
import { useSession } from '../stores/session';
import { useSettings } from '../stores/settings';
import { lineDetail } from '../line-text';
import { lineQuantity } from '../units';

export function Cart() {
  const { t } = useTranslation();
  const lines = useCart((s) => s.lines);
  const roundOff = useCart((s) => s.roundOff);
  const openRoundOff = useEntry((s) => s.openRoundOff);
  const selected = useCart((s) => s.selected);
  const select = useCart((s) => s.select);
  const remove = useCart((s) => s.remove);
  const openLine = useEntry((s) => s.openLine);
  const rounding = useSession((s) => s.info?.rounding ?? 'none');
  const pref = useSettings((s) => s.weightUnit);
  const priced = priceCart({ lines, roundOff }, rounding);
  const empty = lines.length === 0;
  return (
    <section className="cart" aria-label={t('cart.title')}>
      <ol className="lines" data-testid="cart-lines">
        {empty && <li className="empty">{t('cart.empty')}</li>}
        {lines.map((l, i) => {
          const q = lineQuantity(l.product, l.entry, pref);
          const p = priced?.lines[i];
          const isSel = i === selected;
          return (
            <li
              key={l.key}
              className={isSel ? 'line selected' : 'line'}
              data-testid="cart-line"
              data-product={l.product.code}
              data-qty={q?.text ?? ''}
              aria-current={isSel ? 'true' : undefined}
            >
              <button type="button" className="line-main" onClick={() => select(isSel ? null : i)}>
                <span className="name">{l.product.name}</span>
                <span className="qty num">
                  {lineDetail(t, sellingAt(l), pref)}
                  {l.override && (
                    <span className="bargained" data-testid="line-bargained">
                      {' '}
                      {t('cart.bargained', { price: formatYuan(l.product.unit_price_fen) })}
                    </span>
                  )}
                </span>
                <Money fen={p ? p.amount_fen - p.discount_fen : 0} className="amount" />
              </button>
              {isSel && (
                <div className="line-tools">
                  <button type="button" className="secondary" onClick={() => openLine(i, 'edit')}>
                    {t('cart.edit')} <kbd>*</kbd>
                  </button>
                  {l.entry.kind === 'weight' && (
                    <button
                      type="button"
                      className="secondary"
                      data-testid="line-tare"
                      onClick={() => openLine(i, 'tare')}
                    >
                      {t('cart.tare')} <kbd>/</kbd>
                    </button>
                  )}
                  <button
                    type="button"
                    className="secondary"
                    data-testid="line-discount"
                    onClick={() => openLine(i, 'discount')}
                  >
                    {t('cart.discount')} <kbd>-</kbd>
                  </button>
                  {l.entry.kind !== 'amount' && (
                    <button
                      type="button"
                      className="secondary"
                      data-testid="line-price"
                      onClick={() => openLine(i, 'price')}
                    >
                      {t('cart.price')}
                    </button>
                  )}
                  <button type="button" className="danger" onClick={() => remove(i)}>
                    {t('cart.remove')} <kbd>Del</kbd>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {priced && priced.line_discount_fen > 0 && (
        <div className="subline num">
          {t('cart.discounts')} -{formatYuan(priced.line_discount_fen)}
        </div>
      )}
      {priced && roundOff && (
        <div className="subline num" data-testid="cart-round-off">
          {t('cart.round_off')} -{formatYuan(roundOff.amount_fen)}
        </div>
      )}
      {priced && priced.rounding_fen !== 0 && (
        <div className="subline num" data-testid="cart-rounding">
          {t('cart.rounding')} {formatYuan(priced.rounding_fen)}
        </div>
      )}
      <div className="total">
        <span>{t('cart.total')}</span>
        <Money fen={priced?.total_fen ?? 0} testId="cart-total" className="total-amount" />
      </div>
      <div className="cart-actions">
        <CommandButton id="clear_cart" disabled={empty} />
        <CommandButton id="park" disabled={empty} testId="park" />
        <button
          type="button"
          className="secondary"
          data-testid="round-off"
          disabled={empty}
          onClick={openRoundOff}
        >
          {t('cart.round_off')}
        </button>
        <CommandButton id="pay" className="primary big" disabled={empty} testId="pay-cash" />
      </div>
    </section>
  );
}
