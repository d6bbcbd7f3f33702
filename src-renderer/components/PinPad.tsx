import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', '⌫'];

/** Digits for a PIN by touch; the field beside it takes the keyboard. */
export function PinPad({
  value,
  onChange,
  max = 8,
}: {
  value: string;
  onChange(v: string): void;
  max?: number;
}) {
  const { t } = useTranslation();
  const press = (k: string): void =>
    onChange(k === 'C' ? '' : k === '⌫' ? value.slice(0, -1) : value.length < max ? value + k : value);
  return (
    <div className="keys pinpad">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          className="key"
          aria-label={k === '⌫' ? t('keypad.backspace') : k === 'C' ? t('keypad.clear') : k}
          onClick={() => press(k)}
        >
          {k}
        </button>
      ))}
    </div>
  );
}
