import { formatCny } from '../../../shared/money';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Failed } from '../Failed';
import type { ReconItem } from '../../../shared/api/recon';
import { api, call, dashed } from '../api';
import { useLoad } from '../useLoad';
import { jobEnded, useJob } from '../useJob';
import type { JobView } from '../../../shared/api/jobs';

const ACTIONS = ['bu_dan', 'suspense', 'refund', 'explain'] as const;
type Action = (typeof ACTIONS)[number];
const DEFAULT_ACTION: Record<string, Action> = {
  bu_dan: 'bu_dan',
  suspense: 'suspense',
  refund: 'refund',
  await_next_bill: 'explain',
};
const money = (f: number | null) => (f === null ? '—' : `${formatCny(f, { grouped: true })}`);

function Row({ item, done }: { item: ReconItem; done: () => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action>(DEFAULT_ACTION[item.suggestion] ?? 'explain');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needsNote = action === 'explain' || action === 'refund';
  const act = () =>
    call(api.reconResolve, { params: { item_id: item.id }, body: { action, note } }).then(
      done,
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  const open = item.status === 'open';
  return (
    <tr className={open ? 'open' : 'resolved'} data-item={item.out_refund_no ?? item.out_trade_no}>
      <td>
        <span className={`kind k-${item.kind}`}>{t(`kind.${item.kind}`)}</span>
      </td>
      <td className="mono">
        {item.out_refund_no ? `${item.out_refund_no} ← ` : ''}
        {item.out_trade_no}
      </td>
      <td className="num">
        {money(item.inst_amount_fen)}
        <br />
        <small>
          {item.inst_state ? t(`pstate.${item.inst_state}`, { defaultValue: item.inst_state }) : '—'}
        </small>
      </td>
      <td className="num">
        {money(item.plat_amount_fen)}
        <br />
        <small>
          {item.plat_state ? t(`pstate.${item.plat_state}`, { defaultValue: item.plat_state }) : '—'}
        </small>
      </td>
      <td className="nowrap">{t(`cause.${item.cause}`)}</td>
      <td className="nowrap">{t(`suggestion.${item.suggestion}`)}</td>
      <td>
        {open ? (
          <div className="act">
            <select
              aria-label={t('recon.action')}
              value={action}
              onChange={(e) => setAction(e.target.value as Action)}
            >
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`action.${a}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('recon.note')}
              placeholder={needsNote ? t('recon.explainNote') : t('recon.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button
              type="button"
              className="primary"
              disabled={needsNote && note.trim().length < 2}
              onClick={() => void act()}
            >
              {t('recon.doIt')}
            </button>
            {error && (
              <div role="alert" className="error">
                {error}
              </div>
            )}
          </div>
        ) : (
          <span className="resolved-by">
            ✓ {t(`resolution.${item.resolution ?? 'explained'}`)} ·{' '}
            {item.resolved_by === 'auto' ? t('recon.auto') : (item.resolved_by_name ?? item.resolved_by)}
            {item.note ? ` — ${item.note}` : ''}
          </span>
        )}
      </td>
    </tr>
  );
}

/** Where the day's reconciliation job is: waiting, running, retrying after a failed attempt, done, failed. */
function JobLine({ job }: { job: JobView }) {
  const { t } = useTranslation();
  const words =
    job.state === 'queued' && job.last_error !== null
      ? t('recon.job.retrying', { n: job.attempts, max: job.max_attempts, error: job.last_error })
      : job.state === 'failed'
        ? t('recon.job.failed', { n: job.attempts, error: job.last_error ?? '' })
        : t(`recon.job.${job.state}`, { n: job.attempts });
  return (
    <p
      className={`banner job ${job.state === 'failed' ? 'warn' : job.state === 'done' ? 'ok' : ''}`}
      role="status"
      data-job-state={job.state}
    >
      {words}
    </p>
  );
}

export function Recon({ day }: { day: string }) {
  const { t } = useTranslation();
  const date = dashed(day);
  const [started, setStarted] = useState<JobView | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(true);
  const { data, error, reload } = useLoad(date, () => call(api.reconDay, { params: { bill_date: date } }));
  // The run answers at once with its job; the page follows the job and reloads the day when it ends.
  const { job, error: followError } = useJob(started, reload);
  const busy = job !== null && !jobEnded(job);
  const run = () => {
    setRunError(null);
    call(api.reconRun, { params: { bill_date: date } }).then(setStarted, (e: unknown) =>
      setRunError(e instanceof Error ? e.message : String(e)),
    );
  };
  if (error) return <Failed msg={error} retry={reload} />;
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const items = showResolved ? data.items : data.items.filter((i) => i.status === 'open');
  return (
    <div>
      <h2 className="screen-title">
        {t('recon.title')} · {t('recon.billDay')} {date}
      </h2>
      <div className="toolbar">
        <button type="button" className="primary" onClick={run} disabled={busy}>
          {busy ? t('recon.running') : t('recon.run')}
        </button>
        <label>
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />{' '}
          {t('recon.showResolved')}
        </label>
      </div>
      {job && <JobLine job={job} />}
      {(runError ?? followError) && (
        <p role="alert" className="error">
          {runError ?? followError}
        </p>
      )}
      <p className={data.reconciled ? 'banner ok' : 'banner warn'} role="status">
        {data.run === null
          ? t('recon.noRun')
          : data.reconciled
            ? t('recon.reconciled')
            : t('recon.open', { n: data.open })}
        {data.run && (
          <small>
            {' '}
            —{' '}
            {t('recon.lastRun', {
              state: t(`runState.${data.run.state}`, { defaultValue: data.run.state }),
              rows: data.run.rows,
              matched: data.run.matched,
              diffs: data.run.differences,
              auto: data.run.auto_resolved,
            })}
          </small>
        )}
      </p>
      {items.length > 0 && (
        <table className="recon">
          <thead>
            <tr>
              <th>{t('recon.kind')}</th>
              <th>{t('recon.order')}</th>
              <th className="num">{t('recon.inst')}</th>
              <th className="num">{t('recon.plat')}</th>
              <th>{t('recon.cause')}</th>
              <th>{t('recon.suggestion')}</th>
              <th>{t('recon.action')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <Row key={i.id} item={i} done={reload} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
