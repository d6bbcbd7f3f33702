import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { runCommand } from '../commands';
import { useCheckout } from '../stores/checkout';

export function DonePanel() {
  const { t } = useTranslation();
  const phase = useCheckout((s) => s.phase);
  const result = useCheckout((s) => s.result);
  if (phase !== 'done' || !result) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="done-title">
      <div className="done" data-testid="done">
        <h2 id="done-title">{t('done.title')}</h2>
        <div className="change-big num" data-testid="change">
          {t('done.change')} ¥{formatYuan(result.change_fen)}
        </div>
        <div className="receipt-no">
          {t('done.receipt')} <span data-testid="receipt-no">{result.receipt_no}</span>
        </div>
        <div className={result.printed ? 'ok' : 'alarm'} data-testid="print-state">
          {result.printed ? t('done.printed') : t('done.print_failed', { message: result.print_error ?? '' })}
        </div>
        <button type="button" className="primary big" data-testid="next" autoFocus onClick={() => runCommand('confirm')}>
          {t('done.next')} (Enter)
        </button>
      </div>
    </div>
  );
}
