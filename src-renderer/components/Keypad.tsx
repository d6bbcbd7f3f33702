import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny, formatYuan } from '../../shared/money';
import { lineAmount } from '../../shared/units';
import { CommandButton } from './bits';
import { parseEntry, useEntry, type EntryTarget } from '../stores/entry';
import { useSettings } from '../stores/settings';
import { weighUnit } from '../units';
import { useStatus } from '../stores/status';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', '⌫'];

/** What the keypad is asking for, and the unit it is typed in (an i18n key). */
function prompt(target: EntryTarget, unit: 'jin' | 'kg' | null): { title: string; unitKey: string } {
  if (target.mode === 'price' || target.mode === 'round_off')
    return { title: `keypad.${target.mode}`, unitKey: 'units.yuan' };
  if (target.mode === 'amount' || target.mode === 'discount' || target.money)
    return { title: `keypad.${target.mode === 'discount' ? 'discount' : 'amount'}`, unitKey: 'units.yuan' };
  if (target.mode === 'tare') return { title: 'keypad.tare', unitKey: `units.${unit ?? 'kg'}` };
  return unit
    ? { title: 'keypad.weight', unitKey: `units.${unit}` }
    : { title: 'keypad.count', unitKey: 'units.piece' };
}

export function Keypad() {
  const { t } = useTranslation();
  const target = useEntry((s) => s.target);
  const text = useEntry((s) => s.text);
  const invalid = useEntry((s) => s.invalid);
  const press = useEntry((s) => s.press);
  const setMode = useEntry((s) => s.setMode);
  const readScale = useEntry((s) => s.readScale);
  const scaleKey = useEntry((s) => s.scaleKey);
  const scaleReady = useStatus((s) => s.devices?.scale.state === 'ready');
  const pref = useSettings((s) => s.weightUnit);
  const box = useRef<HTMLDivElement>(null);
  const open = target !== null;
  // Focus moves into the dialog, out of the search field that may have opened it.
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  if (!target) return null;
  const { product } = target;
  const unit = weighUnit(product, pref);
  const p = prompt(target, unit);
  const v = parseEntry(target, text);
  const preview =
    v !== null && v > 0 && target.mode === 'add'
      ? lineAmount(product.unit, v, product.unit_price_fen)
      : v !== null && v > 0 && (target.mode === 'amount' || target.mode === 'discount')
        ? v
        : null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="keypad-title">
      <div className="keypad" data-testid="keypad" ref={box} tabIndex={-1}>
        <h2 id="keypad-title">
          {target.mode === 'round_off'
            ? t(p.title, { unit: t(p.unitKey) })
            : `${product.name} · ${t(p.title, { unit: t(p.unitKey) })}`}
        </h2>
        {target.mode !== 'round_off' && (
          <div className="price-hint num">
            {formatYuan(product.unit_price_fen)} {t('catalog.per', { unit: t(`units.${product.unit}`) })}
          </div>
        )}
        {target.index === null && (
          <div className="modes" role="group" aria-label={t('keypad.mode')}>
            <button
              type="button"
              className={target.mode === 'add' ? 'tab active' : 'tab'}
              aria-pressed={target.mode === 'add'}
              onClick={() => setMode('add')}
            >
              {unit ? t('keypad.by_weight') : t('keypad.by_count')}
            </button>
            <button
              type="button"
              className={target.mode === 'amount' ? 'tab active' : 'tab'}
              aria-pressed={target.mode === 'amount'}
              data-testid="mode-amount"
              onClick={() => setMode('amount')}
            >
              {t('keypad.by_amount')}
            </button>
          </div>
        )}
        <output className="entry num" data-testid="entry" aria-live="polite">
          {text || '0'} <span className="unit">{t(p.unitKey)}</span>
        </output>
        <div className={invalid ? 'preview error' : 'preview num'} role={invalid ? 'alert' : undefined}>
          {invalid ? t(invalid) : preview !== null ? formatCny(preview) : ''}
        </div>
        {scaleReady && unit && (target.mode === 'add' || target.mode === 'edit') && (
          <div className="scale-keys">
            <button
              type="button"
              className="secondary"
              data-testid="read-scale"
              onClick={() => void readScale()}
            >
              {t('keypad.read_scale')}
            </button>
            {(['zero', 'tare'] as const).map((k) => (
              <button
                key={k}
                type="button"
                className="secondary"
                data-testid={`scale-${k}`}
                onClick={() => void scaleKey(k)}
              >
                {t(`keypad.scale_${k}`)}
              </button>
            ))}
          </div>
        )}
        <div className="keys">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              className="key"
              data-testid={`key-${k}`}
              aria-label={k === '⌫' ? t('keypad.backspace') : k}
              onClick={() => press(k)}
            >
              {k}
            </button>
          ))}
        </div>
        <div className="actions">
          <CommandButton id="cancel" />
          <CommandButton id="confirm" className="primary big" testId="keypad-ok" />
        </div>
      </div>
    </div>
  );
}
