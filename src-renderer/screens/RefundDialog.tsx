import { useTranslation } from 'react-i18next';
import { CommandButton, Money } from '../components/bits';
import { PinPad } from '../components/PinPad';
import { useHistory } from '../stores/history';

/** Confirms a whole-sale refund; asks for a manager's PIN when the core answers manager_required. */
export function RefundDialog({ amountFen }: { amountFen: number }) {
  const { t } = useTranslation();
  const refund = useHistory((s) => s.refund);
  const refundNow = useHistory((s) => s.refundNow);
  const busy = useHistory((s) => s.busy);
  const pin = useHistory((s) => s.pin);
  const setPin = useHistory((s) => s.setPin);
  if (!refund) return null;
  const manager = refund.step === 'manager';
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="refund-title">
      <form
        className="dialog"
        data-testid="refund-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void refundNow();
        }}
      >
        <h2 id="refund-title">{manager ? t('refund.manager_title') : t('refund.title')}</h2>
        <p>
          {t('refund.amount')} <Money fen={amountFen} className="strong" />
        </p>
        <p className="hint">{manager ? t('refund.manager_hint') : t('refund.hint')}</p>
        {manager && (
          <label className="field">
            {t('refund.manager_pin')}
            <input
              autoFocus
              type="password"
              inputMode="numeric"
              autoComplete="off"
              className="pin num"
              data-testid="manager-pin"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
            />
          </label>
        )}
        {manager && <PinPad value={pin} onChange={setPin} />}
        {refund.pinWrong && (
          <div className="error" role="alert">
            {t('refund.wrong_pin')}
          </div>
        )}
        <div className="actions">
          <CommandButton id="cancel" />
          <CommandButton
            id="confirm"
            className="danger big"
            testId="refund-confirm"
            disabled={busy || (manager && pin.length < 4)}
          >
            {t('refund.confirm')}
          </CommandButton>
        </div>
      </form>
    </div>
  );
}
