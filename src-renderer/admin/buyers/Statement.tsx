/** A buyer's statement (对账单) over a range of business days: printable, and exported as CSV or XLSX. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/money';

import { api, call, dashed } from '../api';
import { Exports } from '../Exports';
import { useLoad } from '../useLoad';

const undash = (v: string) => v.replaceAll('-', '');
const signed = (fen: number) => (fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen));

export function Statement({ buyerId, day, onClose }: { buyerId: string; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(`${day.slice(0, 6)}01`);
  const [to, setTo] = useState(day);
  const s = useLoad(`${buyerId}-${from}-${to}`, () =>
    call(api.buyerStatement, { params: { buyer_id: buyerId }, query: { from, to } }),
  );
  return (
    <section className="statement" aria-label={t('buyer.statement')}>
      <h2>{s.data ? t('buyer.statementOf', { name: s.data.buyer.name }) : t('buyer.statement')}</h2>
      <div className="toolbar no-print">
        <label>
          {t('buyer.from')}{' '}
          <input
            type="date"
            value={dashed(from)}
            onChange={(e) => e.target.value && setFrom(undash(e.target.value))}
          />
        </label>
        <label>
          {t('buyer.to')}{' '}
          <input
            type="date"
            value={dashed(to)}
            onChange={(e) => e.target.value && setTo(undash(e.target.value))}
          />
        </label>
        <button type="button" onClick={() => window.print()}>
          {t('buyer.print')}
        </button>
        <Exports route={api.buyerStatementExport} params={{ buyer_id: buyerId }} query={{ from, to }} />
        <button type="button" onClick={onClose}>
          {t('cat.close')}
        </button>
      </div>
      {s.error && (
        <p role="alert" className="error">
          {s.error}
        </p>
      )}
      {s.data && (
        <>
          <p className="print-only">
            {t('buyer.range', { from: dashed(s.data.from), to: dashed(s.data.to) })}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('buyer.day')}</th>
                <th>{t('buyer.what')}</th>
                <th>{t('buyer.ref')}</th>
                <th className="num">{t('buyer.amount')}</th>
                <th className="num">{t('buyer.balance')}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="sub">
                <td>{dashed(s.data.from)}</td>
                <td>{t('buyer.opening')}</td>
                <td />
                <td />
                <td className="num">{formatYuan(s.data.opening_fen)}</td>
              </tr>
              {s.data.lines.map((l, i) => (
                <tr key={i}>
                  <td>{dashed(l.business_day)}</td>
                  <td>{t(`buyerTxn.${l.txn_type}`, { defaultValue: l.txn_type })}</td>
                  <td className="mono">{l.ref ?? ''}</td>
                  <td className="num">{signed(l.amount_fen)}</td>
                  <td className="num">{formatYuan(l.balance_fen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={3}>
                  {t('buyer.totals', {
                    charged: formatYuan(s.data.charged_fen),
                    repaid: formatYuan(s.data.repaid_fen),
                  })}
                </th>
                <th className="num">{t('buyer.closing')}</th>
                <th className="num" data-testid="closing">
                  {formatYuan(s.data.closing_fen)}
                </th>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}
