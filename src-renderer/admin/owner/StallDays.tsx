/**
 * A stall's past business days: what was sold, what the wallets took, the
 * fees, and what reached (or will reach) the stall's card and on which day —
 * the institution's bill once it is in, else what the market booked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../../shared/money';
import { addDays } from '../../../shared/time';
import { Failed } from '../Failed';
import { api, call, dashed } from '../api';
import { StallPicker, useStall } from '../StallPicker';
import { useLoad } from '../useLoad';

/** The days shown at first: the fortnight up to the chosen day. */
const DAYS_SHOWN = 14;
const cny = (fen: number) => formatCny(fen, { grouped: true });
const undashed = (v: string) => v.replaceAll('-', '');

export function StallDays({ day }: { day: string }) {
  const { t } = useTranslation();
  const { stall, stalls } = useStall();
  const [from, setFrom] = useState(addDays(day, -(DAYS_SHOWN - 1)));
  const [to, setTo] = useState(day);
  const r = useLoad(`days-${stall}-${from}-${to}`, () =>
    stall ? call(api.stallDays, { params: { stall_id: stall }, query: { from, to } }) : Promise.resolve(null),
  );
  return (
    <div className="owner">
      <h2 className="screen-title">{t('owner.daysTitle')}</h2>
      <div className="toolbar">
        {stalls.length > 1 && <StallPicker stall={stall} stalls={stalls} />}
        <label>
          {t('owner.from')}{' '}
          <input
            type="date"
            value={dashed(from)}
            onChange={(e) => e.target.value && setFrom(undashed(e.target.value))}
          />
        </label>
        <label>
          {t('owner.to')}{' '}
          <input
            type="date"
            value={dashed(to)}
            onChange={(e) => e.target.value && setTo(undashed(e.target.value))}
          />
        </label>
      </div>
      {r.error ? (
        <Failed msg={r.error} retry={r.reload} />
      ) : !r.data ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        <>
          <p data-testid="owner-card">
            {t('owner.card')}：{r.data.settlement_account ?? t('owner.noCard')}
          </p>
          <table data-testid="owner-days">
            <thead>
              <tr>
                <th>{t('owner.day')}</th>
                <th className="num">{t('owner.sales')}</th>
                <th className="num">{t('owner.wallet')}</th>
                <th className="num">{t('owner.fees')}</th>
                <th className="num">{t('owner.toCard')}</th>
                <th>{t('owner.settleDay')}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.days.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('owner.noDays')}
                  </td>
                </tr>
              )}
              {r.data.days.map((x) => (
                <tr key={x.business_day} data-day={x.business_day}>
                  <td className="nowrap">{dashed(x.business_day).slice(5)}</td>
                  <td className="num">
                    {cny(x.sales_fen)}
                    <br />
                    <small className="muted">
                      {x.sales} {t('owner.lines')}
                    </small>
                  </td>
                  <td className="num">{cny(x.wallet_fen)}</td>
                  <td className="num">{cny(x.fees_fen)}</td>
                  <td className="num">
                    <strong>{cny(x.net_to_card_fen)}</strong>
                  </td>
                  <td className="nowrap">
                    {dashed(x.settle_day).slice(5)}
                    <br />
                    <span className={x.settled ? 'pill ok' : 'pill'}>
                      {x.settled ? t('owner.settled') : t('owner.pending')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
