import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TENDER_KINDS } from '../../shared/journal/entries';
import { formatCny } from '../../shared/money';
import { takingsDifferences, WALLETS } from '../../shared/sales/takings';
import { Money } from '../components/bits';
import { PrintReport } from '../components/PrintReport';
import { useSession } from '../stores/session';
import { useShift } from '../stores/shift';
import { useSignOut } from '../stores/sign-out';

type Report = NonNullable<ReturnType<typeof useShift.getState>['report']>;

/** Takings per tender kind and wallet, and the receivables: what the Z report says was taken and what is still owed. */
function TakingsTables({ report }: { report: Report }) {
  const { t } = useTranslation();
  const k = report.takings;
  const balanced = takingsDifferences(k).length === 0;
  // Beside the three wallets, the three kinds of receivable.
  const receivables: [string, number, string][] = [
    ['day.recv_pending', k.receivable.pending_fen, 'z-recv-pending'],
    ['day.recv_account', k.receivable.account_fen, 'z-recv-account'],
    ['day.recv_owed', k.receivable.owed_fen, 'z-recv-owed'],
  ];
  return (
    <div className="z-takings">
      <table className="tender-table" data-testid="z-tenders">
        <caption>{t('day.by_tender')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day.tender')}</th>
            <th scope="col">{t('day.count')}</th>
            <th scope="col">{t('day.paid')}</th>
            <th scope="col">{t('day.receivable')}</th>
            <th scope="col">{t('day.neither')}</th>
            <th scope="col">{t('day.refunded')}</th>
          </tr>
        </thead>
        <tbody>
          {TENDER_KINDS.map((kind) => (
            <tr key={kind} data-testid={`z-kind-${kind}`}>
              <th scope="row">{t(`pay.method_${kind}`)}</th>
              <td className="num">{k.by_kind[kind].count}</td>
              <td>
                <Money fen={k.by_kind[kind].paid_fen} />
              </td>
              <td>
                <Money fen={k.by_kind[kind].receivable_fen} />
              </td>
              <td>
                <Money fen={k.by_kind[kind].neither_fen} />
              </td>
              <td>
                <Money fen={k.by_kind[kind].refunded_fen} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="tender-table takings-table" data-testid="z-receivables">
        <tbody>
          <tr className="strong">
            <th scope="row">{t('day.paid')}</th>
            <td>
              <Money fen={k.paid.total_fen} testId="z-paid" />
            </td>
            <th scope="row">
              {t('day.receivable')}（{t('day.open_sales', { count: k.receivable.open_sales })}）
            </th>
            <td>
              <Money fen={k.receivable.total_fen} testId="z-receivable" />
            </td>
          </tr>
          {receivables.map(([label, fen, testId], i) => (
            <tr key={label}>
              <th scope="row">· {t(`wallet.${WALLETS[i] ?? 'unknown'}`)}</th>
              <td>
                <Money fen={k.paid.by_wallet[WALLETS[i] ?? 'unknown']} />
              </td>
              <th scope="row">· {t(label)}</th>
              <td>
                <Money fen={fen} testId={testId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={balanced ? 'ok-box' : 'alarm-box'} data-testid="z-balance">
        {t(balanced ? 'day.balance_ok' : 'day.balance_bad')}：{formatCny(k.paid.total_fen)} +{' '}
        {formatCny(k.receivable.total_fen)} = {formatCny(k.sales_fen)}
      </p>
    </div>
  );
}

/** A close refused for open sales: they are listed, and a manager's PIN closes anyway. */
function OpenSalesConfirm() {
  const { t } = useTranslation();
  const openSales = useShift((s) => s.openSales);
  const closeDay = useShift((s) => s.closeDay);
  const [pin, setPin] = useState('');
  if (!openSales) return null;
  const list = openSales.map((s) => `${s.receipt_no} ${formatCny(s.pending_fen + s.owed_fen)}`).join('、');
  return (
    <form
      className="alarm-box"
      data-testid="day-open-sales"
      onSubmit={(e) => {
        e.preventDefault();
        void closeDay(pin);
      }}
    >
      <p>{t('day.open_list', { count: openSales.length, list })}</p>
      <label>
        {t('day.manager_pin')}
        <input
          type="password"
          inputMode="numeric"
          data-testid="day-manager-pin"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 16))}
        />
      </label>
      <button type="submit" className="danger big" data-testid="day-close-pin">
        {t('day.confirm')}
      </button>
    </form>
  );
}

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
        {t('day.title')}{' '}
        {report && (
          <span className="num">{report.business_day.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}</span>
        )}{' '}
        {report && <span data-testid="z-no">{t('day.z_no', { n: report.z_no })}</span>}
      </h1>
      {dayClosed && (
        <p className="ok-box" data-testid="day-closed">
          {t('day.closed')}
        </p>
      )}
      {report && (
        <PrintReport
          what={{ report: 'day', business_day: report.business_day, z_no: report.z_no }}
          testId="z-print"
        />
      )}
      {report && (
        <div className="z-report" data-testid="z-report">
          <dl className="figures">
            <dt>{t('day.sales_count')}</dt>
            <dd className="num" data-testid="z-count">
              {report.sales_count}
            </dd>
            <dt>{t('day.gross')}</dt>
            <dd>
              <Money fen={report.gross_fen} />
            </dd>
            <dt>{t('day.discounts')}</dt>
            <dd>
              <Money fen={report.discounts_fen} />
            </dd>
            <dt>{t('day.rounding')}</dt>
            <dd>
              <Money fen={report.rounding_fen} />
            </dd>
            <dt>{t('day.refunds', { count: report.refunds.count })}</dt>
            <dd>
              <Money fen={report.refunds.amount_fen} />
            </dd>
            <dt>{t('day.voids', { count: report.voids.count })}</dt>
            <dd>
              <Money fen={report.voids.amount_fen} />
            </dd>
            <dt className="strong">{t('day.net')}</dt>
            <dd className="strong">
              <Money fen={report.net_fen} testId="z-net" />
            </dd>
          </dl>
          <TakingsTables report={report} />
          <p className="hint">
            {t('day.receipts', {
              first: report.first_receipt_no ?? '—',
              last: report.last_receipt_no ?? '—',
            })}
          </p>
        </div>
      )}
      {!dayClosed && role === 'manager' && <OpenSalesConfirm />}
      {!dayClosed && role !== 'manager' && (
        <div className="actions">
          <p className="hint">{t('day.manager_only')}</p>
          <button
            type="button"
            className="primary big"
            data-testid="day-manager-signin"
            onClick={() => void signOut()}
          >
            {t('day.manager_signin')}
          </button>
        </div>
      )}
      {!dayClosed && role === 'manager' && (
        <div className="actions">
          <p className="hint">{confirming ? t('day.confirm_hint') : ''}</p>
          {confirming ? (
            <button
              type="button"
              className="danger big"
              data-testid="day-close-confirm"
              onClick={() => void closeDay()}
            >
              {t('day.confirm')}
            </button>
          ) : (
            <button
              type="button"
              className="danger big"
              data-testid="day-close"
              onClick={() => setConfirming(true)}
            >
              {t('day.close')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
