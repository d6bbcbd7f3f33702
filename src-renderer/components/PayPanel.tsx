import { useTranslation } from 'react-i18next';
import { formatYuan, parseYuan } from '../../shared/money';
import { runCommand } from '../commands';
import { cartTotal, useCart } from '../stores/cart';
import { useSession } from '../stores/session';
import { useCheckout } from '../stores/checkout';

/** Notes a buyer is likely to hand over, above the total. */
function quickAmounts(total: number): number[] {
  const notes = [1000, 2000, 5000, 10000, 20000, 50000];
  const out = [total];
  for (const n of notes) {
    const v = Math.ceil(total / n) * n;
    if (v > total && !out.includes(v)) out.push(v);
    if (out.length >= 4) break;
  }
  return out;
}

export function PayPanel() {
  const { t } = useTranslation();
  const phase = useCheckout((s) => s.phase);
  const text = useCheckout((s) => s.tenderedText);
  const error = useCheckout((s) => s.error);
  const setTendered = useCheckout((s) => s.setTendered);
  const lines = useCart((s) => s.lines);
  const rounding = useSession((s) => s.info?.rounding ?? 'none');
  if (phase !== 'paying' && phase !== 'committing') return null;
  const total = cartTotal(lines, rounding);
  const tendered = text === '' ? total : parseYuan(text);
  const change = tendered !== null && tendered >= total ? tendered - total : null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="pay-title">
      <div className="pay">
        <h2 id="pay-title">{t('pay.cash')}</h2>
        <div className="due num">
          {t('cart.total')} ¥{formatYuan(total)}
        </div>
        <label className="tendered">
          {t('pay.tendered')}
          <input autoFocus inputMode="decimal" className="num" data-testid="tendered" value={text} placeholder={formatYuan(total)} onChange={(e) => setTendered(e.target.value)} />
        </label>
        <div className="quick">
          {quickAmounts(total).map((a) => (
            <button key={a} type="button" className="secondary" onClick={() => setTendered(formatYuan(a))}>
              {a === total ? t('pay.exact') : `¥${formatYuan(a)}`}
            </button>
          ))}
        </div>
        <div className="change num" data-testid="change-preview">
          {change !== null ? `${t('pay.change')} ¥${formatYuan(change)}` : tendered !== null ? t('pay.short', { amount: formatYuan(total - tendered) }) : ''}
        </div>
        {error && <div className="error" role="alert">{error === 'short' && tendered !== null ? t('pay.short', { amount: formatYuan(total - tendered) }) : t('errors.generic', { message: error })}</div>}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => runCommand('cancel')}>
            {t('commands.cancel')} (Esc)
          </button>
          <button type="button" className="primary big" data-testid="confirm-pay" disabled={phase === 'committing'} onClick={() => runCommand('confirm')}>
            {t('pay.confirm')} (Enter)
          </button>
        </div>
      </div>
    </div>
  );
}
