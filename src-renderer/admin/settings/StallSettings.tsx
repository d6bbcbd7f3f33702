/**
 * A stall's till settings (shared/stall-settings.ts): the 抹零 rule, price
 * override and how far below the list price it may go, the refund amount above
 * which a cashier needs a manager's PIN, the receipt's header, footer, stall
 * number and phone, and the payment-code wait. Checked with the contract's own
 * schema before it is sent, saved in one step; the server pushes them to the
 * stall's tills at once.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan, parseYuan } from '../../../shared/money';
import { ROUNDING_MODES, type RoundingMode } from '../../../shared/sales/rounding';
import {
  CODE_PAY_TIMEOUT_S_MAX,
  CODE_PAY_TIMEOUT_S_MIN,
  stallSettingsSchema,
  type StallSettings,
} from '../../../shared/stall-settings';
import { Failed } from '../Failed';
import { api, call } from '../api';
import { StallPicker, useStall } from '../StallPicker';
import { useLoad } from '../useLoad';

/** The typed fields, as text; an empty one means "none" (or the market's default wait). */
type Texts = Record<
  'refund' | 'floor' | 'receipt_header' | 'receipt_footer' | 'stall_no' | 'stall_phone' | 'wait',
  string
>;

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const intOrNaN = (s: string): number => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : NaN);

function textsOf(s: StallSettings): Texts {
  return {
    refund: formatYuan(s.refund_manager_limit_fen),
    floor: String(s.price_override_floor_pct),
    receipt_header: s.receipt_header ?? '',
    receipt_footer: s.receipt_footer ?? '',
    stall_no: s.stall_no ?? '',
    stall_phone: s.stall_phone ?? '',
    wait: s.code_pay_timeout_s === null ? '' : String(s.code_pay_timeout_s),
  };
}

function TextField(p: {
  label: string;
  value: string;
  set: (v: string) => void;
  size?: number;
  hint?: string;
}) {
  return (
    <label>
      {p.label}{' '}
      <input
        aria-label={p.label}
        value={p.value}
        onChange={(e) => p.set(e.target.value)}
        size={p.size ?? 24}
      />
      {p.hint && <span className="muted"> {p.hint}</span>}
    </label>
  );
}

function SettingsForm({ stall, start }: { stall: string; start: StallSettings }) {
  const { t } = useTranslation();
  const [rounding, setRounding] = useState<RoundingMode>(start.rounding);
  const [override, setOverride] = useState(start.allow_price_override);
  const [f, setF] = useState<Texts>(textsOf(start));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (k: keyof Texts) => ({ value: f[k], set: (v: string) => setF((o) => ({ ...o, [k]: v })) });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = stallSettingsSchema.safeParse({
      rounding,
      allow_price_override: override,
      refund_manager_limit_fen: parseYuan(f.refund) ?? NaN,
      price_override_floor_pct: intOrNaN(f.floor),
      receipt_header: orNull(f.receipt_header),
      receipt_footer: orNull(f.receipt_footer),
      stall_no: orNull(f.stall_no),
      stall_phone: orNull(f.stall_phone),
      code_pay_timeout_s: orNull(f.wait) === null ? null : intOrNaN(f.wait),
    });
    if (!parsed.success) {
      const key = String(parsed.error.issues[0]?.path[0] ?? 'refund_manager_limit_fen');
      return setMsg({
        ok: false,
        text: t(`settings.bad.${key}`, { min: CODE_PAY_TIMEOUT_S_MIN, max: CODE_PAY_TIMEOUT_S_MAX }),
      });
    }
    try {
      await call(api.stallSettingsPut, { params: { stall_id: stall }, body: parsed.data });
      setMsg({ ok: true, text: t('settings.saved') });
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
      <fieldset>
        <legend>{t('settings.pricing')}</legend>
        <label className="check">
          <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />{' '}
          {t('settings.override')}
        </label>
        <TextField label={t('settings.floor')} size={4} hint={t('settings.floorHint')} {...field('floor')} />
        <TextField label={t('settings.refund')} size={10} {...field('refund')} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.receipt')}</legend>
        <TextField label={t('settings.stallNo')} size={10} {...field('stall_no')} />
        <TextField label={t('settings.phone')} size={16} {...field('stall_phone')} />
        <TextField label={t('settings.header')} size={32} {...field('receipt_header')} />
        <TextField label={t('settings.footer')} size={32} {...field('receipt_footer')} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.codePay')}</legend>
        <TextField
          label={t('settings.wait')}
          size={4}
          hint={t('settings.waitHint', { min: CODE_PAY_TIMEOUT_S_MIN, max: CODE_PAY_TIMEOUT_S_MAX })}
          {...field('wait')}
        />
      </fieldset>
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
          <SettingsForm key={`${stall}-${s.at}`} stall={stall} start={s.data} />
        ) : (
          <p className="loading">{t('app.loading')}</p>
        )}
      </section>
    </div>
  );
}
