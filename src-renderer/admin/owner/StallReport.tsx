/**
 * A stall's 日报 for the chosen business day, what its owner reads on a phone
 * at the end of the market (375 px wide as well as at the desk): takings,
 * hour by hour, by product with weights sold, by tender and wallet, refunds,
 * and who took goods on account and what they owe.
 */
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../../shared/money';
import { formatReceiptTime } from '../../../shared/receipt/time';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import { formatWeight, isWeighed, type Unit } from '../../../shared/units';
import { Bars } from '../Bars';
import { Failed } from '../Failed';
import { api, call, dashed } from '../api';
import { StallPicker, useStall } from '../StallPicker';
import { useLoad } from '../useLoad';

const cny = (fen: number) => formatCny(fen, { grouped: true });

export function Quantity({ unit, quantity }: { unit: Unit; quantity: number }) {
  const { t } = useTranslation();
  return (
    <>
      {isWeighed(unit) ? formatWeight(quantity, unit) : quantity} {t(`unit.${unit}`)}
    </>
  );
}

function Rows({ rows, empty }: { rows: [string, number][]; empty: string }) {
  return (
    <table>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td className="muted">{empty}</td>
          </tr>
        )}
        {rows.map(([label, fen]) => (
          <tr key={label}>
            <td>{label}</td>
            <td className="num">{cny(fen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StallReport({ day }: { day: string }) {
  const { t } = useTranslation();
  const { stall, stalls } = useStall();
  const r = useLoad(`report-${stall}-${day}`, () =>
    stall ? call(api.stallReport, { params: { stall_id: stall, business_day: day } }) : Promise.resolve(null),
  );
  if (r.error) return <Failed msg={r.error} retry={r.reload} />;
  const d = r.data;
  return (
    <div className="owner">
      <h2 className="screen-title">
        {t('owner.title')} · {dashed(day)}
      </h2>
      {stalls.length > 1 && (
        <div className="toolbar">
          <StallPicker stall={stall} stalls={stalls} />
        </div>
      )}
      {!d ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        <>
          <section className="cards" aria-label={t('owner.title')}>
            <div className="card big" data-testid="owner-sales">
              <span>
                {t('owner.sales')}（{d.takings.sales_count} {t('owner.lines')}）
              </span>
              <strong className="num">{cny(d.takings.sales_fen)}</strong>
            </div>
            <div className="card" data-testid="owner-paid">
              <span>{t('owner.paid')}</span>
              <strong className="num">{cny(d.takings.paid.total_fen)}</strong>
            </div>
            <div className="card" data-testid="owner-receivable">
              <span>{t('owner.receivable')}</span>
              <strong className="num">{cny(d.takings.receivable.total_fen)}</strong>
            </div>
            <div className="card" data-testid="owner-refunds">
              <span>
                {t('owner.refunds')}（{d.takings.refunds.count}）
              </span>
              <strong className="num">{cny(d.takings.refunds.total_fen)}</strong>
            </div>
          </section>
          <section>
            <h2>{t('owner.hourly')}</h2>
            <Bars values={d.hourly.map((h) => h.total_fen)} label={t('owner.hourly')} />
          </section>
          <section>
            <h2>{t('owner.byProduct')}</h2>
            <table data-testid="owner-products">
              <thead>
                <tr>
                  <th>{t('owner.product')}</th>
                  <th className="num">{t('owner.sold')}</th>
                  <th className="num">{t('owner.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {d.products.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      {t('owner.none')}
                    </td>
                  </tr>
                )}
                {d.products.map((p) => (
                  <tr key={`${p.name}-${p.unit}`}>
                    <td>{p.name}</td>
                    <td className="num">
                      <Quantity unit={p.unit} quantity={p.quantity} />
                    </td>
                    <td className="num">{cny(p.amount_fen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="cols">
            <section>
              <h2>{t('owner.byTender')}</h2>
              <Rows
                empty={t('owner.none')}
                rows={Object.entries(d.takings.paid.by_kind)
                  .filter(([, v]) => v !== 0)
                  .map(([k, v]) => [t(`tender.${k}`), v])}
              />
              <h2>{t('owner.byWallet')}</h2>
              <Rows
                empty={t('owner.none')}
                rows={Object.entries(d.takings.paid.by_wallet)
                  .filter(([, v]) => v !== 0)
                  .map(([k, v]) => [t(`tender.${k}`), v])}
              />
            </section>
            <section>
              <h2>{t('owner.buyers')}</h2>
              <table data-testid="owner-buyers">
                <thead>
                  <tr>
                    <th>{t('owner.buyer')}</th>
                    <th className="num">{t('owner.dayOnAccount')}</th>
                    <th className="num">{t('owner.owed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.receivables.length === 0 && (
                    <tr>
                      <td colSpan={3} className="muted">
                        {t('owner.none')}
                      </td>
                    </tr>
                  )}
                  {d.receivables.map((b) => (
                    <tr key={b.buyer_id}>
                      <td>{b.name}</td>
                      <td className="num">{cny(b.day_fen)}</td>
                      <td className="num">{cny(b.owed_fen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <section>
            <h2>{t('owner.refundList')}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('owner.time')}</th>
                  <th>{t('owner.reason')}</th>
                  <th className="num">{t('owner.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {d.refunds.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      {t('owner.none')}
                    </td>
                  </tr>
                )}
                {d.refunds.map((x) => (
                  <tr key={x.refund_no}>
                    <td className="nowrap">{formatReceiptTime(x.at_ms, DEFAULT_TIME_ZONE).slice(11, 16)}</td>
                    <td>
                      {x.reason} {x.approved && <span className="pill">{t('owner.approved')}</span>}
                    </td>
                    <td className="num">{cny(x.amount_fen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
