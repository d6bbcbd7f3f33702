import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../components/bits';
import { PrintReport } from '../components/PrintReport';
import { useSession } from '../stores/session';
import { useShift } from '../stores/shift';
import { formatTime } from './time';

export function ShiftScreen() {
  const { t } = useTranslation();
  const current = useShift((s) => s.current);
  const closed = useShift((s) => s.closed);
  const text = useShift((s) => s.amountText);
  const setText = useShift((s) => s.setAmountText);
  const load = useShift((s) => s.load);
  const open = useShift((s) => s.open);
  const close = useShift((s) => s.close);
  const tz = useSession((s) => s.info?.time_zone ?? 'Asia/Shanghai');
  useEffect(() => void load(), [load]);
  const shift = current?.shift ?? null;
  return (
    <main className="screen narrow" aria-labelledby="shift-title">
      <h1 id="shift-title">{t('shift.title')}</h1>
      {closed && (
        <section className="result" data-testid="shift-result" aria-label={t('shift.closed')}>
          <h2>{t('shift.closed')}</h2>
          <dl className="figures">
            <dt>{t('shift.expected')}</dt>
            <dd>
              <Money fen={closed.expected_fen ?? 0} />
            </dd>
            <dt>{t('shift.counted')}</dt>
            <dd>
              <Money fen={closed.counted_fen ?? 0} />
            </dd>
            <dt>{t('shift.over_short')}</dt>
            <dd data-testid="over-short" className={(closed.over_short_fen ?? 0) === 0 ? 'ok' : 'alarm'}>
              {(closed.over_short_fen ?? 0) > 0
                ? t('shift.over')
                : (closed.over_short_fen ?? 0) < 0
                  ? t('shift.short')
                  : t('shift.even')}{' '}
              <Money fen={Math.abs(closed.over_short_fen ?? 0)} />
            </dd>
          </dl>
          <PrintReport what={{ report: 'shift', shift_id: closed.id }} testId="shift-print-closed" />
        </section>
      )}
      {shift ? (
        <section aria-label={t('shift.open_now')}>
          <p data-testid="shift-open">{t('shift.open_since', { time: formatTime(shift.opened_ms, tz) })}</p>
          <PrintReport what={{ report: 'shift', shift_id: shift.id }} testId="shift-print" />
          <dl className="figures">
            <dt>{t('shift.float')}</dt>
            <dd>
              <Money fen={shift.float_fen} />
            </dd>
            <dt>{t('shift.expected')}</dt>
            <dd>
              <Money fen={current?.expected_cash_fen ?? 0} testId="expected-cash" />
            </dd>
          </dl>
          <label className="field">
            {t('shift.count_prompt')}
            <input
              inputMode="decimal"
              className="num big-input"
              data-testid="counted"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="primary big"
            data-testid="shift-close"
            onClick={() => void close()}
          >
            {t('shift.close')}
          </button>
        </section>
      ) : (
        <section aria-label={t('shift.start')}>
          <p>{t('shift.none')}</p>
          <label className="field">
            {t('shift.float_prompt')}
            <input
              inputMode="decimal"
              className="num big-input"
              data-testid="float"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="primary big"
            data-testid="shift-open-btn"
            onClick={() => void open()}
          >
            {t('shift.open')}
          </button>
        </section>
      )}
    </main>
  );
}
