import { useTranslation } from 'react-i18next';
import { CommandButton, Money } from './bits';
import { QrWait } from './QrWait';
import { TenderOutcomes } from './TenderOutcomes';
import { useCheckout } from '../stores/checkout';
import { isWaiting, usePaymentWait } from '../stores/payment-wait';
import { printerView, useStatus } from '../stores/status';

/** one empty list, so the selector's answer is stable */
const NONE: never[] = [];

export function DonePanel() {
  const { t } = useTranslation();
  const phase = useCheckout((s) => s.phase);
  const result = useCheckout((s) => s.result);
  const committed = useCheckout((s) => s.committed);
  const tenders = usePaymentWait((s) => (s.saleId === result?.sale_id ? s.tenders : NONE));
  const noPrinter = useStatus((s) => printerView(s.status, s.devices).state === 'none');
  const saleStatus = usePaymentWait((s) => (s.saleId === result?.sale_id ? s.saleStatus : null));
  const owed = usePaymentWait((s) => (s.saleId === result?.sale_id ? s.owedFen : 0));
  if (phase !== 'done' || !result) return null;
  // Pending until the payment flow reports every QR / code part paid.
  const pending = result.status === 'pending' && (tenders.length === 0 || isWaiting(tenders));
  const hasCash = committed.some((c) => c.kind === 'cash');
  const waits = committed.some((c) => c.kind === 'qr' || c.kind === 'payment_code');
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="done-title">
      <div className={waits ? 'done wide' : 'done'} data-testid="done">
        <div className="done-main">
          {/* "Done" only when the sale is completed: a failed or reversed tender leaves it owed. */}
          <h2 id="done-title" data-testid="done-title">
            {owed > 0 && saleStatus === 'pending'
              ? t('outcome.title_owed')
              : pending || saleStatus === 'pending'
                ? t('done.title_pending')
                : t('done.title')}
          </h2>
          {hasCash && (
            <div className="change-big" data-testid="change">
              {t('done.change')} <Money fen={result.change_fen} />
            </div>
          )}
          <div>
            {t('cart.total')} <Money fen={result.total_fen} />
          </div>
          <div className="receipt-no">
            {t('done.receipt')} <span data-testid="receipt-no">{result.receipt_no}</span>
          </div>
          <div
            className={result.printed ? 'ok' : noPrinter ? 'hint' : 'alarm-box'}
            data-testid="print-state"
            role={result.printed || noPrinter ? undefined : 'alert'}
          >
            {result.printed ? t('done.printed') : noPrinter ? t('done.no_printer') : t('done.print_failed')}
          </div>
          {!result.printed && !noPrinter && result.print_error && (
            <small className="detail">{result.print_error}</small>
          )}
          <CommandButton id="confirm" className="primary big" testId="next">
            {t('done.next')}
          </CommandButton>
        </div>
        {waits && (
          <div className="done-side">
            <QrWait saleId={result.sale_id} initialPayUrl={result.pay_url} />
            <TenderOutcomes saleId={result.sale_id} />
          </div>
        )}
      </div>
    </div>
  );
}
