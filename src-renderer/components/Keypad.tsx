import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { isWeighed, lineAmount } from '../../shared/units';
import { runCommand } from '../commands';
import { parseQuantity, useEntry } from '../stores/entry';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', '⌫'];

export function Keypad() {
  const { t } = useTranslation();
  const product = useEntry((s) => s.product);
  const text = useEntry((s) => s.text);
  const invalid = useEntry((s) => s.invalid);
  const press = useEntry((s) => s.press);
  if (!product) return null;
  const q = parseQuantity(product, text);
  const unitLabel = t(`units.${product.unit}`);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="keypad-title">
      <div className="keypad">
        <h2 id="keypad-title">
          {product.name} · {isWeighed(product.unit) ? t('keypad.weight', { unit: unitLabel }) : t('keypad.count')}
        </h2>
        <output className="entry num" data-testid="entry">
          {text || '0'} {unitLabel}
        </output>
        <div className="preview num">{q !== null ? `¥${formatYuan(lineAmount(product.unit, q, product.unit_price_fen))}` : invalid ? t('keypad.invalid') : ''}</div>
        <div className="keys">
          {KEYS.map((k) => (
            <button key={k} type="button" className="key" data-testid={`key-${k}`} onClick={() => press(k)}>
              {k}
            </button>
          ))}
        </div>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => runCommand('cancel')}>
            {t('keypad.cancel')} (Esc)
          </button>
          <button type="button" className="primary" data-testid="keypad-ok" onClick={() => runCommand('confirm')}>
            {t('keypad.ok')} (Enter)
          </button>
        </div>
      </div>
    </div>
  );
}
