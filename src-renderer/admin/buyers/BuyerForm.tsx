/** A buyer's name, phone and credit limit (元) as a form; Enter submits, the server's refusal is shown in words. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan, parseYuan } from '../../../shared/money';
import type { BuyerRow } from './types';

export interface BuyerFields {
  name: string;
  phone: string | null;
  credit_limit_fen: number;
}

export function BuyerForm({
  start,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  start: BuyerRow | null;
  submitLabel: string;
  onSubmit: (b: BuyerFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(start?.name ?? '');
  const [phone, setPhone] = useState(start?.phone ?? '');
  const [limit, setLimit] = useState(start ? formatYuan(start.credit_limit_fen) : '');
  const [err, setErr] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const fen = parseYuan(limit);
    if (fen === null || fen < 0) return setErr(t('buyer.badLimit'));
    try {
      await onSubmit({ name: name.trim(), phone: phone.trim() || null, credit_limit_fen: fen });
      setErr(null);
      if (start) return;
      setName('');
      setPhone('');
      setLimit('');
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    }
  };
  return (
    <form className="toolbar" onSubmit={(e) => void submit(e)}>
      <input
        aria-label={t('buyer.name')}
        placeholder={t('buyer.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        size={14}
      />
      <input
        aria-label={t('buyer.phone')}
        placeholder={t('buyer.phone')}
        inputMode="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        size={14}
      />
      <input
        aria-label={t('buyer.limit')}
        placeholder={t('buyer.limit')}
        inputMode="decimal"
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        required
        size={10}
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
