import { formatCny, formatYuan } from '../../../shared/money';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Failed } from '../Failed';
import type { Answer } from '../../../shared/api/route';
import { api, call } from '../api';
import { useLoad } from '../useLoad';

type Stall = Answer<typeof api.adminDay>['stalls'][number];
type Term = Stall['terminals'][number];

/** Says in the staff's words what the server's named differences mean; anything else is shown as the server put it. */
function explain(x: Term, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  if (x.differences.length === 0) return [];
  if (x.z_report === null) return [t('eod.missingZ')];
  const zc = x.z_report.sales_count ?? 0;
  const zg = x.z_report.gross_fen ?? 0;
  const out: string[] = [];
  if (zc < x.server.sales_count)
    out.push(
      t('eod.fewer', {
        n: x.server.sales_count - zc,
        amt: formatYuan(x.server.gross_fen - zg, { grouped: true }),
      }),
    );
  else if (zc > x.server.sales_count)
    out.push(
      t('eod.more', {
        n: zc - x.server.sales_count,
        amt: formatYuan(zg - x.server.gross_fen, { grouped: true }),
      }),
    );
  else if (zg !== x.server.gross_fen)
    out.push(t('eod.amountOnly', { amt: formatYuan(Math.abs(zg - x.server.gross_fen), { grouped: true }) }));
  const known = /^(sales_count|gross_fen|no Z report)/;
  return [...out, ...x.differences.filter((d) => !known.test(d))];
}

function StallDay({ s, day, done }: { s: Stall; day: string; done: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const diffs = s.terminals.reduce((a, x) => a + x.differences.length, 0);
  const confirm = () =>
    call(api.adminDayConfirm, { params: { business_day: day }, body: { stall_id: s.stall_id, note } }).then(
      done,
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <section className={diffs > 0 ? 'stallday has-diff' : 'stallday'} aria-label={s.name}>
      <h2>
        {s.name}{' '}
        <span className={diffs > 0 ? 'pill bad' : 'pill ok'}>
          {diffs > 0 ? `${t('eod.diff')} ${diffs}` : t('eod.ok')}
        </span>
      </h2>
      {s.terminals.length === 0 ? (
        <p className="muted">{t('eod.noTerminals')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('eod.terminal')}</th>
              <th className="num">
                {t('eod.server')} {t('eod.count')}
              </th>
              <th className="num">
                {t('eod.zreport')} {t('eod.count')}
              </th>
              <th className="num">
                {t('eod.server')} {t('eod.gross')}
              </th>
              <th className="num">
                {t('eod.zreport')} {t('eod.gross')}
              </th>
              <th className="num">{t('eod.refunds')}</th>
              <th className="num">{t('takings.paid')}</th>
              <th className="num">{t('takings.receivable')}</th>
              <th>{t('eod.why')}</th>
            </tr>
          </thead>
          <tbody>
            {s.terminals.map((x) => {
              const cBad = x.z_report?.sales_count !== x.server.sales_count;
              const gBad = x.z_report?.gross_fen !== x.server.gross_fen;
              return (
                <tr key={x.terminal_id}>
                  <td>
                    {x.name}
                    <br />
                    <small className="mono muted">{x.terminal_id}</small>
                  </td>
                  <td className="num">{x.server.sales_count}</td>
                  <td className={cBad ? 'num bad' : 'num'}>{x.z_report?.sales_count ?? t('eod.noZ')}</td>
                  <td className="num">{formatCny(x.server.gross_fen, { grouped: true })}</td>
                  <td className={gBad ? 'num bad' : 'num'}>
                    {(x.z_report?.gross_fen ?? null) === null || !x.z_report
                      ? t('eod.noZ')
                      : formatCny(x.z_report.gross_fen ?? 0, { grouped: true })}
                  </td>
                  <td className="num">
                    {x.server.refunds_count} · {formatCny(x.server.refunds_fen, { grouped: true })}
                  </td>
                  <td className="num">{formatCny(x.server.paid_fen, { grouped: true })}</td>
                  <td className="num">{formatCny(x.server.receivable_fen, { grouped: true })}</td>
                  <td>
                    {x.differences.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="diffs">
                        {explain(x, t).map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {s.confirmation ? (
        <p className="confirmed">
          ✓{' '}
          {t('eod.confirmed', {
            by: s.confirmation.confirmed_by_name,
            at: new Date(s.confirmation.confirmed_ms).toLocaleString(),
          })}
          {s.confirmation.note && ` — ${s.confirmation.note}`}
        </p>
      ) : (
        <div className="confirm">
          <input
            aria-label={t('eod.note')}
            placeholder={t('eod.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            className="primary"
            onClick={() => void confirm()}
            disabled={diffs > 0 && note.trim().length < 2}
          >
            {t('eod.confirm')}
          </button>
          {error && (
            <span role="alert" className="error">
              {error}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

export function EndOfDay({ day }: { day: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(day, () => call(api.adminDay, { params: { business_day: day } }));
  if (error) return <Failed msg={error} retry={reload} />;
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  return (
    <div>
      <h2 className="screen-title">{t('eod.title')}</h2>
      {data.stalls.map((s) => (
        <StallDay key={s.stall_id} s={s} day={day} done={reload} />
      ))}
    </div>
  );
}
