import { formatCny } from '../../../shared/money';
import { useTranslation } from 'react-i18next';
import { Failed } from '../Failed';
import { api, call } from '../api';
import { Bars } from '../Bars';
import { useLoad } from '../useLoad';

const REFRESH_MS = 30_000;

function ago(ms: number | null, now: number): string {
  if (ms === null) return '—';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  return s < 90 ? `${s}s` : s < 5400 ? `${Math.round(s / 60)}min` : `${Math.round(s / 3600)}h`;
}

export function Dashboard({ day }: { day: string }) {
  const { t } = useTranslation();
  const { data, at, error, reload } = useLoad(day, () =>
    call(api.adminDashboard, { query: { business_day: day } }),
  );
  if (error) return <Failed msg={error} retry={reload} />;
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const now = at;
  const termName = (id: string) => data.terminals.find((x) => x.id === id)?.name ?? id;
  const stallName = (id: string) => data.stalls.find((s) => s.stall_id === id)?.name ?? id;
  return (
    <div className="dashboard" data-refresh={REFRESH_MS}>
      <section className="cards">
        <div className="card big">
          <span>{t('dash.total')}</span>
          <strong className="num">{formatCny(data.total_fen, { grouped: true })}</strong>
        </div>
        <div className="card">
          <span>{t('dash.sales')}</span>
          <strong className="num">{data.sales}</strong>
        </div>
        <div className="card" data-testid="dash-paid">
          <span>{t('takings.paid')}</span>
          <strong className="num">{formatCny(data.takings.paid.total_fen, { grouped: true })}</strong>
        </div>
        <div className="card" data-testid="dash-receivable">
          <span>
            {t('takings.receivable')}（{t('takings.open', { n: data.takings.receivable.open_sales })}）
          </span>
          <strong className="num">{formatCny(data.takings.receivable.total_fen, { grouped: true })}</strong>
          <small className="num">
            {t('takings.pending')} {formatCny(data.takings.receivable.pending_fen, { grouped: true })} ·{' '}
            {t('takings.account')} {formatCny(data.takings.receivable.account_fen, { grouped: true })} ·{' '}
            {t('takings.owed')} {formatCny(data.takings.receivable.owed_fen, { grouped: true })}
          </small>
        </div>
        <div className="card">
          <span>{t('dash.unpaid')}</span>
          <strong className="num">
            {data.unpaid_qr.count} · {formatCny(data.unpaid_qr.amount_fen, { grouped: true })}
          </strong>
        </div>
        <div className="card">
          <span>{t('dash.receivables')}</span>
          <strong className="num">{formatCny(data.receivables_total_fen, { grouped: true })}</strong>
        </div>
      </section>
      <section>
        <h2>{t('dash.hourly')}</h2>
        <Bars values={data.hourly.map((h) => h.total_fen)} label={t('dash.hourly')} />
      </section>
      <div className="cols">
        <section>
          <h2>{t('dash.byStall')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('dash.stall')}</th>
                <th className="num">{t('dash.sales')}</th>
                <th className="num">{t('dash.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.stalls.flatMap((s) => [
                <tr key={s.stall_id}>
                  <td>{s.name}</td>
                  <td className="num">{s.sales}</td>
                  <td className="num">{formatCny(s.total_fen, { grouped: true })}</td>
                </tr>,
                ...data.terminal_totals
                  .filter((x) => x.stall_id === s.stall_id)
                  .map((x) => (
                    <tr key={x.terminal_id} className="sub">
                      <td>↳ {termName(x.terminal_id)}</td>
                      <td className="num">{x.sales}</td>
                      <td className="num">{formatCny(x.total_fen, { grouped: true })}</td>
                    </tr>
                  )),
              ])}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t('dash.byTender')}</h2>
          <table>
            <tbody>
              {Object.keys(data.by_tender).length === 0 && (
                <tr>
                  <td>{t('dash.none')}</td>
                </tr>
              )}
              {Object.entries(data.by_tender).map(([k, v]) => (
                <tr key={k} data-testid={`dash-tender-${k}`}>
                  <td>{t(`tender.${k}`)}</td>
                  <td className="num">{formatCny(v, { grouped: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('dash.byWallet')}</h2>
          <table>
            <tbody>
              {Object.keys(data.by_wallet).length === 0 && (
                <tr>
                  <td>{t('dash.none')}</td>
                </tr>
              )}
              {Object.entries(data.by_wallet)
                .filter(([k, v]) => k !== 'unknown' || v !== 0)
                .map(([k, v]) => (
                  <tr key={k} data-testid={`dash-wallet-${k}`}>
                    <td>{t(`tender.${k}`)}</td>
                    <td className="num">{formatCny(v, { grouped: true })}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="cols">
        <section>
          <h2>{t('dash.terminals')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('dash.terminal')}</th>
                <th>{t('dash.stall')}</th>
                <th>{t('term.status')}</th>
                <th className="num">{t('dash.lastSeen')}</th>
                <th className="num">{t('dash.lag')}</th>
              </tr>
            </thead>
            <tbody>
              {data.terminals.map((x) => (
                <tr key={x.id}>
                  <td>{x.name}</td>
                  <td>{stallName(x.stall_id)}</td>
                  <td>
                    <span className={x.online ? 'pill ok' : 'pill bad'}>
                      {x.online ? t('dash.online') : t('dash.offline')}
                    </span>
                  </td>
                  <td className="num">
                    {x.last_seen_ms === null ? t('dash.never') : ago(x.last_seen_ms, now)}
                  </td>
                  <td className="num">{x.sync_lag_ms === null ? '—' : ago(now - x.sync_lag_ms, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t('dash.receivables')}</h2>
          <table>
            <tbody>
              {data.receivables.length === 0 && (
                <tr>
                  <td>{t('dash.none')}</td>
                </tr>
              )}
              {data.receivables.map((r) => (
                <tr key={`${r.stall_id}-${r.buyer_id}`}>
                  <td>{r.name}</td>
                  <td>{stallName(r.stall_id)}</td>
                  <td className="num">{formatCny(r.owed_fen, { grouped: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
