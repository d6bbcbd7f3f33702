/**
 * One product's fields as a form (add, or edit in place): code, name, unit,
 * price in 元, category, EAN. Enter submits; the server's refusal is shown in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/money';
import { UNITS, type Unit } from '../../../shared/units';
import { PRICE_MAX_YUAN, checkPrice } from './price-text';
import type { ProductInput, ProductView } from '../../../shared/api/catalog';

export function ProductForm({
  start,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  start: ProductView | null;
  submitLabel: string;
  onSubmit: (p: ProductInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(start?.code ?? '');
  const [name, setName] = useState(start?.name ?? '');
  const [unit, setUnit] = useState<Unit>(start?.unit ?? 'jin');
  const [price, setPrice] = useState(start ? formatYuan(start.unit_price_fen) : '');
  const [category, setCategory] = useState(start?.category ?? '');
  const [ean, setEan] = useState(start?.ean ?? '');
  const [err, setErr] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const p = checkPrice(price);
    if (!p.ok) return setErr(t(`board.${p.error}`, { max: PRICE_MAX_YUAN }));
    try {
      await onSubmit({
        code: code.trim(),
        name: name.trim(),
        unit,
        unit_price_fen: p.fen,
        category: category.trim(),
        ean: ean.trim() || null,
      });
      setErr(null);
      if (start) return;
      setCode('');
      setName('');
      setPrice('');
      setEan('');
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    }
  };
  return (
    <form className="toolbar product-form" onSubmit={(e) => void submit(e)}>
      <input
        aria-label={t('cat.code')}
        placeholder={t('cat.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        size={8}
        required
      />
      <input
        aria-label={t('cat.name')}
        placeholder={t('cat.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        size={12}
        required
      />
      <select aria-label={t('cat.unit')} value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`unit.${u}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t('cat.price')}
        placeholder={t('cat.price')}
        inputMode="decimal"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        size={8}
        required
      />
      <input
        aria-label={t('cat.category')}
        placeholder={t('cat.category')}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        size={8}
      />
      <input
        aria-label={t('cat.ean')}
        placeholder={t('cat.ean')}
        inputMode="numeric"
        value={ean}
        onChange={(e) => setEan(e.target.value)}
        size={14}
      />
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('cat.cancel')}
        </button>
      )}
      {err && (
        <span role="alert" className="error">
          {err}
        </span>
      )}
    </form>
  );
}
