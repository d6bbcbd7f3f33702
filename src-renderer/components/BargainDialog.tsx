import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { BARGAIN_REASONS } from '../../shared/sales/bargain';
import { CommandButton, Money } from './bits';
import { PinPad } from './PinPad';
import { useBargain } from '../stores/bargain';
import { useCart } from '../stores/cart';

/** Why the price changes (one press each sends it), then a manager's PIN when the core asks for one. */
export function BargainDialog() {
  const { t } = useTranslation();
  const ask = useBargain((s) => s.ask);
  const pin = useBargain((s) => s.pin);
  const setPin = useBargain((s) => s.setPin);
  const submit = useBargain((s) => s.submit);
  const busy = useBargain((s) => s.busy);
  const lines = useCart((s) => s.lines);
  if (!ask) return null;
  const { change } = ask;
  const line = change.kind === 'line' ? lines[change.index] : undefined;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="bargain-title">
      <form
        className="dialog"
        data-testid="bargain-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="bargain-title">
          {ask.manager
            ? t('bargain.manager_title')
            : t(change.kind === 'line' ? 'bargain.title' : 'bargain.round_off_title')}
        </h2>
        <p className="num" data-testid="bargain-change">
          {change.kind === 'line' && line
            ? t('bargain.line', {
                name: line.product.name,
                from: formatYuan(line.product.unit_price_fen),
                to: formatYuan(change.unit_price_fen),
                unit: t(`units.${line.product.unit}`),
              })
            : change.kind === 'round_off'
              ? t('bargain.round_off', {
                  from: formatYuan(change.total_before_fen),
                  to: formatYuan(change.total_before_fen - change.amount_fen),
                })
              : ''}
        </p>
        {change.kind === 'round_off' && (
          <p>
            {t('bargain.cut')} <Money fen={change.amount_fen} className="strong" />
          </p>
        )}
        {!ask.manager && (
          <div className="reasons" role="group" aria-label={t('bargain.reason')}>
            <p className="hint">{t('bargain.reason')}</p>
            {BARGAIN_REASONS.map((r) => (
              <button
                key={r}
                type="button"
                className="secondary big"
                data-testid={`bargain-reason-${r}`}
                disabled={busy}
                onClick={() => void submit(r)}
              >
                {t(`bargain.reasons.${r}`)}
              </button>
            ))}
          </div>
        )}
        {ask.manager && (
          <>
            <p className="hint">{t('bargain.manager_hint')}</p>
            <label className="field">
              {t('bargain.manager_pin')}
              <input
                autoFocus
                type="password"
                inputMode="numeric"
                autoComplete="off"
                className="pin num"
                data-testid="bargain-manager-pin"
                value={pin}
                onChange={(e) => setPin(e.target.value)}
              />
            </label>
            <PinPad value={pin} onChange={setPin} />
          </>
        )}
        {ask.pinWrong && (
          <div className="error" role="alert">
            {t('bargain.wrong_pin')}
          </div>
        )}
        <div className="actions">
          <CommandButton id="cancel" />
          {ask.manager && (
            <CommandButton
              id="confirm"
              className="primary big"
              testId="bargain-confirm"
              disabled={busy || pin.length < 4}
            >
              {t('bargain.confirm')}
            </CommandButton>
          )}
        </div>
      </form>
    </div>
  );
}
