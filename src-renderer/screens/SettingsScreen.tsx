import { useTranslation } from 'react-i18next';
import { DeviceSetup } from '../components/DeviceSetup';
import { LANGUAGES } from '../i18n';
import { useSession } from '../stores/session';
import { useSettings, VOLUME_PCT_MAX, type Paper, type WeightUnitPref } from '../stores/settings';
import { printerView, useStatus } from '../stores/status';
import { useSpeech } from '../speech/speech-store';

function Choice<T extends string | number>({
  label,
  value,
  options,
  onPick,
  name,
}: {
  label: string;
  value: T;
  options: readonly { v: T; text: string }[];
  onPick(v: T): void;
  name: string;
}) {
  return (
    <fieldset className="choice">
      <legend>{label}</legend>
      {options.map((o) => (
        <button
          key={String(o.v)}
          type="button"
          className={o.v === value ? 'tab active' : 'tab'}
          aria-pressed={o.v === value}
          data-testid={`${name}-${o.v}`}
          onClick={() => onPick(o.v)}
        >
          {o.text}
        </button>
      ))}
    </fieldset>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const s = useSettings();
  const info = useSession((x) => x.info);
  const status = useStatus((x) => x.status);
  const devices = useStatus((x) => x.devices);
  const testPrinter = useStatus((x) => x.testPrinter);
  const printer = printerView(status, devices);
  return (
    <main className="screen narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <Choice
        name="lang"
        label={t('settings.language')}
        value={s.language}
        options={LANGUAGES.map((l) => ({ v: l, text: t(`settings.lang_${l === 'zh-CN' ? 'zh' : 'en'}`) }))}
        onPick={s.setLanguage}
      />
      <Choice<Paper>
        name="paper"
        label={t('settings.paper')}
        value={s.paper}
        options={[
          { v: 58, text: '58 mm' },
          { v: 80, text: '80 mm' },
        ]}
        onPick={s.setPaper}
      />
      <Choice<WeightUnitPref>
        name="weight"
        label={t('settings.weight_unit')}
        value={s.weightUnit}
        options={(['product', 'jin', 'kg'] as const).map((v) => ({ v, text: t(`settings.weight_${v}`) }))}
        onPick={s.setWeightUnit}
      />
      <Choice<'on' | 'off'>
        name="voice"
        label={t('settings.voice')}
        value={s.voice ? 'on' : 'off'}
        options={[
          { v: 'on', text: t('settings.voice_on') },
          { v: 'off', text: t('settings.voice_off') },
        ]}
        onPick={(v) => s.setVoice(v === 'on')}
      />
      {s.voice && (
        <fieldset className="choice">
          <legend>{t('settings.volume')}</legend>
          <input
            type="range"
            min={0}
            max={VOLUME_PCT_MAX}
            step={10}
            value={s.volume_pct}
            aria-label={t('settings.volume')}
            data-testid="volume"
            onChange={(e) => s.setVolume(Number(e.target.value))}
          />
          <span className="num">{s.volume_pct}%</span>
          <button
            type="button"
            className="tab"
            data-testid="voice-test"
            onClick={() =>
              useSpeech.getState().announce({ status: 'paid', wallet: 'wechat', amount_fen: 12850 })
            }
          >
            {t('settings.voice_test')}
          </button>
        </fieldset>
      )}
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t('settings.devices')}</h2>
        <dl className="figures">
          <dt>{t('settings.printer')}</dt>
          <dd data-testid="settings-printer">
            {t(`status.printer_${printer.state}`)} {printer.message && <small>{printer.message}</small>}
          </dd>
          <dt>{t('settings.scanner')}</dt>
          <dd>{devices ? t(`status.scanner_${devices.scanner.state}`) : t('settings.wedge_only')}</dd>
          <dt>{t('settings.scale')}</dt>
          <dd>{devices ? t(`status.scale_${devices.scale.state}`) : t('settings.unknown')}</dd>
        </dl>
        {printer.state !== 'none' && (
          <button
            type="button"
            className="secondary big"
            data-testid="printer-test"
            onClick={() => void testPrinter()}
          >
            {t('settings.test_printer')}
          </button>
        )}
        <DeviceSetup />
      </section>
      <section aria-labelledby="till-title">
        <h2 id="till-title">{t('settings.till')}</h2>
        <dl className="figures">
          <dt>{t('settings.market')}</dt>
          <dd>{info?.market_name}</dd>
          <dt>{t('settings.terminal')}</dt>
          <dd className="num">{info?.terminal_id}</dd>
          <dt>{t('settings.rounding')}</dt>
          <dd>{info ? t(`settings.rounding_${info.rounding}`) : ''}</dd>
        </dl>
      </section>
    </main>
  );
}
