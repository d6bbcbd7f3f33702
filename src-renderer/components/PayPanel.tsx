import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { CommandButton, Money } from './bits';
import { TenderBody } from './TenderBody';
import {
  offersGateway,
  partMethod,
  partsTotal,
  saleTotal,
  useCheckout,
  PAY_METHODS,
} from '../stores/checkout';
import { useCart } from '../stores/cart';
import { noticeFor } from '../stores/ui';

export function PayPanel() {
  const { t } = useTranslation();
  const phase = useCheckout((s) => s.phase);
  const method = useCheckout((s) => s.method);
  const parts = useCheckout((s) => s.parts);
  const problem = useCheckout((s) => s.problem);
  const error = useCheckout((s) => s.error);
  const removePart = useCheckout((s) => s.removePart);
  const accountWhatFits = useCheckout((s) => s.accountWhatFits);
  const switchToGateway = useCheckout((s) => s.switchToGateway);
  const asking = useCheckout((s) => s.asking);
  useCart((s) => s.lines);
  if (phase !== 'paying' && phase !== 'committing') return null;
  const total = saleTotal();
  const left = total - partsTotal(parts);
  const errNotice = error ? noticeFor(error) : null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="pay-title">
      <div className="pay" data-testid="pay">
        <div className="pay-head">
          <h2 id="pay-title">{t('pay.title')}</h2>
          <div className="due">
            {t('cart.total')} <Money fen={total} testId="pay-total" />
          </div>
        </div>
        <div className="methods" role="group" aria-label={t('pay.methods')}>
          {PAY_METHODS.map((m) => (
            <CommandButton
              key={m}
              id={`tender_${m}`}
              className={m === method ? 'tab active' : 'tab'}
              testId={`method-${m}`}
            />
          ))}
        </div>
        {parts.length > 0 && (
          <ul className="parts" data-testid="parts" aria-label={t('pay.parts')}>
            {parts.map((p, i) => (
              <li key={i}>
                <span>{t(`pay.method_${partMethod(p)}`)}</span>
                <Money fen={p.kind === 'cash' ? 0 : p.amount_fen} />
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t('pay.remove_part')}
                  onClick={() => removePart(i)}
                >
                  ✕
                </button>
              </li>
            ))}
            <li className="left">
              <span>{t('pay.left')}</span>
              <Money fen={left} testId="pay-left" />
            </li>
          </ul>
        )}
        <TenderBody left={left} />
        {problem && (
          <div className="error" role="alert" data-testid="pay-problem">
            {t(problem.key, problem.params)}
            {problem.key === 'pay.over_limit' && (
              <button
                type="button"
                className="secondary fit"
                data-testid="account-fits"
                onClick={accountWhatFits}
              >
                {t('pay.account_fits', { room: problem.params?.room ?? '' })}
              </button>
            )}
          </div>
        )}
        {errNotice && (
          <div className="error" role="alert" data-testid="pay-error">
            {t(errNotice.key)} <small className="detail">{errNotice.detail}</small>
          </div>
        )}
        {offersGateway({ problem, error }) && (
          <button type="button" className="secondary fit" data-testid="use-gateway" onClick={switchToGateway}>
            {t('pay.use_gateway')}
          </button>
        )}
        <div className="actions three">
          <CommandButton id="cancel" />
          <CommandButton id="add_part" testId="add-part" disabled={method === 'cash'}>
            {t('pay.add_part')}
          </CommandButton>
          <CommandButton
            id="confirm"
            className="primary big"
            testId="confirm-pay"
            disabled={phase === 'committing'}
          >
            {asking
              ? t('pay.asking')
              : phase === 'committing'
                ? t('pay.committing')
                : t('pay.confirm', { amount: formatYuan(left) })}
          </CommandButton>
        </div>
      </div>
    </div>
  );
}
