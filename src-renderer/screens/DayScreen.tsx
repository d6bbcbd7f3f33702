import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../components/bits';
import { useSession } from '../stores/session';
import { useShift } from '../stores/shift';
import { useSignOut } from '../stores/sign-out';

const TENDERS = ['cash', 'qr', 'payment_code', 'account'] as const;

/** The Z report (日结) on screen; closing the day needs a manager signed in. */
export function DayScreen() {
  const { t } = useTranslation();
  const report = useShift((s) => s.report);
  const dayClosed = useShift((s) => s.dayClosed);
  const loadReport = useShift((s) => s.loadReport);
  const closeDay = useShift((s) => s.closeDay);
  const role = useSession((s) => s.info?.cashier?.role);
  const signOut = useSignOut((s) => s.signOut);
  // Closing the day cannot be undone: the button asks once more.
  const [confirming, setConfirming] = useState(false);
  useEffect(() => void loadReport(), [loadReport]);
  return (
    <main className="screen" aria-labelledby="day-title">
      <h1 id="day-title">
        {t('day.title')} {report && <span className="num">{report.business_day.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}</span>}
      </h1>
      {dayClosed && <p className="ok-box" data-testid="day-closed">{t('day.closed')}</p>}
      {report && (
        <div className="z-report" data-testid="z-report">
          <dl className="figures">
            <dt>{t('day.sales_count')}</dt>
            <dd className="num" data-testid="z-count">{report.sales_count}</dd>
            <dt>{t('day.gross')}</dt>
            <dd><Money fen={report.gross_fen} /></dd>
            <dt>{t('day.discounts')}</dt>
            <dd><Money fen={report.discounts_fen} /></dd>
            <dt>{t('day.rounding')}</dt>
            <dd><Money fen={report.rounding_fen} /></dd>
            <dt>{t('day.refunds', { count: report.refunds.count })}</dt>
            <dd><Money fen={report.refunds.amount_fen} /></dd>
            <dt>{t('day.voids', { count: report.voids.count })}</dt>
            <dd><Money fen={report.voids.amount_fen} /></dd>
            <dt className="strong">{t('day.net')}</dt>
            <dd className="strong"><Money fen={report.net_fen} testId="z-net" /></dd>
          </dl>
          <table className="tender-table">
            <caption>{t('day.by_tender')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('day.tender')}</th>
                <th scope="col">{t('day.count')}</th>
                <th scope="col">{t('day.amount')}</th>
                <th scope="col">{t('day.pending')}</th>
                <th scope="col">{t('day.refunded')}</th>
              </tr>
            </thead>
            <tbody>
              {TENDERS.map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`pay.method_${k}`)}</th>
                  <td className="num">{report.tenders[k].count}</td>
                  <td><Money fen={report.tenders[k].amount_fen} /></td>
                  <td><Money fen={report.tenders[k].pending_fen} /></td>
                  <td><Money fen={report.tenders[k].refunded_fen} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('day.receipts', { first: report.first_receipt_no ?? '—', last: report.last_receipt_no ?? '—' })}</p>
        </div>
      )}
      {!dayClosed && role !== 'manager' && (
        <div className="actions">
          <p className="hint">{t('day.manager_only')}</p>
          <button type="button" className="primary big" data-testid="day-manager-signin" onClick={() => void signOut()}>
            {t('day.manager_signin')}
          </button>
        </div>
      )}
      {!dayClosed && role === 'manager' && (
        <div className="actions">
          <p className="hint">{confirming ? t('day.confirm_hint') : ''}</p>
          {confirming ? (
            <button type="button" className="danger big" data-testid="day-close-confirm" onClick={() => void closeDay()}>
              {t('day.confirm')}
            </button>
          ) : (
            <button type="button" className="danger big" data-testid="day-close" onClick={() => setConfirming(true)}>
              {t('day.close')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
