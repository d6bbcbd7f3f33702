import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isWeighed } from '../../shared/units';
import { CommandButton, Money } from '../components/bits';
import { PinPad } from '../components/PinPad';
import { useHistory, type RefundPreview } from '../stores/history';
import { shortWeight } from '../units';

/** "2.5 斤", "3 件", or nothing for a typed-amount line. */
function givenBack(t: TFunction, l: RefundPreview['lines'][number]): string {
  if (l.quantity === 0) return '';
  const q = isWeighed(l.unit) ? shortWeight(l.quantity, l.unit) : String(l.quantity);
  return `${q} ${t(`units.${l.unit}`)}`;
}

/**
 * Confirms a refund naming what goes back, as the core planned it: each line with its quantity or
 * weight and amount, and to which tender; 整单退回 only when it is the whole sale. Asks for a
 * manager's PIN when the core answers manager_required.
 */
export function RefundDialog() {
  const { t } = useTranslation();
  const refund = useHistory((s) => s.refund);
  const refundNow = useHistory((s) => s.refundNow);
  const busy = useHistory((s) => s.busy);
  const pin = useHistory((s) => s.pin);
  const setPin = useHistory((s) => s.setPin);
  if (!refund) return null;
  const manager = refund.step === 'manager';
  const { preview } = refund;
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
          {t('refund.amount')} <Money fen={preview.amount_fen} className="strong" testId="refund-amount" />
        </p>
        <p className="hint" data-testid="refund-scope">
          {manager ? t('refund.manager_hint') : preview.whole ? t('refund.whole') : t('refund.part')}
        </p>
        <h3 className="refund-plan-title">{t('refund.lines_title')}</h3>
        <ul className="refund-plan" data-testid="refund-plan-lines" aria-label={t('refund.lines_title')}>
          {preview.lines
            .filter((l) => l.amount_fen > 0)
            .map((l) => (
              <li key={l.line_no}>
                {l.name} {givenBack(t, l)} <Money fen={l.amount_fen} />
              </li>
            ))}
        </ul>
        <h3 className="refund-plan-title">{t('refund.tenders_title')}</h3>
        <ul className="refund-plan" data-testid="refund-plan-tenders" aria-label={t('refund.tenders_title')}>
          {preview.tenders.map((x) => (
            <li key={x.tender_no}>
              {t('refund.to_tender', { method: t(`pay.method_${x.kind}`) })} <Money fen={x.amount_fen} />
            </li>
          ))}
        </ul>
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
