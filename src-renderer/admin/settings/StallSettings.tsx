/**
 * A stall's till settings: the 抹零 rule, whether the price may be overridden at
 * the till, and the refund amount above which a cashier needs a manager's PIN.
 * Saved in one step; the server pushes them to the stall's tills at once.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan, parseYuan } from '../../../shared/money';
import { ROUNDING_MODES, type RoundingMode } from '../../../shared/sales/rounding';
import { Failed } from '../Failed';
import { api, call } from '../api';
import { StallPicker, useStall } from '../StallPicker';
import { useLoad } from '../useLoad';

type Settings = { rounding: RoundingMode; refund_manager_limit_fen: number; allow_price_override: boolean };

function SettingsForm({ stall, start, onSaved }: { stall: string; start: Settings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [rounding, setRounding] = useState<RoundingMode>(start.rounding);
  const [override, setOverride] = useState(start.allow_price_override);
  const [refund, setRefund] = useState(formatYuan(start.refund_manager_limit_fen));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const fen = parseYuan(refund);
    if (fen === null || fen < 0) return setMsg({ ok: false, text: t('settings.badRefund') });
    try {
      await call(api.stallSettingsPut, {
        params: { stall_id: stall },
        body: { rounding, allow_price_override: override, refund_manager_limit_fen: fen },
      });
      setMsg({ ok: true, text: t('settings.saved') });
      onSaved();
    } catch (x) {
      setMsg({ ok: false, text: x instanceof Error ? x.message : String(x) });
    }
  };
  return (
    <form className="settings" onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>{t('settings.rounding')}</legend>
        {ROUNDING_MODES.map((m) => (
          <label key={m} className="radio">
            <input
              type="radio"
              name="rounding"
              value={m}
              checked={rounding === m}
              onChange={() => setRounding(m)}
            />{' '}
            {t(`rounding.${m}`)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />{' '}
        {t('settings.override')}
      </label>
      <label>
        {t('settings.refund')}{' '}
        <input
          aria-label={t('settings.refund')}
          inputMode="decimal"
          value={refund}
          onChange={(e) => setRefund(e.target.value)}
          size={10}
        />
      </label>
      <div className="toolbar">
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
        {msg && (
          <span role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'confirmed' : 'error'}>
            {msg.text}
          </span>
        )}
      </div>
    </form>
  );
}

export function StallSettings() {
  const { t } = useTranslation();
  const { stall, stalls } = useStall();
  const s = useLoad(`settings-${stall}`, () =>
    stall ? call(api.stallSettingsGet, { params: { stall_id: stall } }) : Promise.resolve(null),
  );
  if (s.error) return <Failed msg={s.error} retry={s.reload} />;
  return (
    <div>
      <h2 className="screen-title">{t('settings.title')}</h2>
      <div className="toolbar">
        <StallPicker stall={stall} stalls={stalls} />
        <span className="muted">{t('settings.hint')}</span>
      </div>
      <section aria-label={t('settings.title')}>
        {s.data ? (
          <SettingsForm key={`${stall}-${s.at}`} stall={stall} start={s.data} onSaved={() => undefined} />
        ) : (
          <p className="loading">{t('app.loading')}</p>
        )}
      </section>
    </div>
  );
}
