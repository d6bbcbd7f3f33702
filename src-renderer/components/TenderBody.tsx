import { useTranslation } from 'react-i18next';
import { formatCny, formatYuan, parseYuan } from '../../shared/money';
import { classifyScan } from '../../shared/scan/classify';
import { Money } from './bits';
import { creditRoom, useCheckout } from '../stores/checkout';

/** Notes a buyer is likely to hand over, at or above what is due. */
export function quickAmounts(due: number): number[] {
  const out = [due];
  for (const n of [1000, 2000, 5000, 10000, 20000, 50000]) {
    const v = Math.ceil(due / n) * n;
    if (v > due && !out.includes(v)) out.push(v);
    if (out.length >= 4) break;
  }
  return out;
}

/** The chosen tender's inputs; `left` is what remains after split parts. */
export function TenderBody({ left }: { left: number }) {
  const { t } = useTranslation();
  const method = useCheckout((s) => s.method);
  const text = useCheckout((s) => s.amountText);
  const setText = useCheckout((s) => s.setAmountText);
  const code = useCheckout((s) => s.code);
  const setCode = useCheckout((s) => s.setCode);
  const buyers = useCheckout((s) => s.buyers);
  const buyerId = useCheckout((s) => s.buyerId);
  const setBuyer = useCheckout((s) => s.setBuyer);
  const amount = text === '' ? left : parseYuan(text);

  if (method === 'cash') {
    const change = amount !== null && amount >= left ? amount - left : null;
    return (
      <div className="tender-body">
        <label className="field">
          {t('pay.tendered')}
          <input
            autoFocus
            inputMode="decimal"
            className="num big-input"
            data-testid="tendered"
            value={text}
            placeholder={formatYuan(left)}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="quick">
          {quickAmounts(left).map((a) => (
            <button
              key={a}
              type="button"
              className="secondary"
              data-testid={`quick-${a}`}
              onClick={() => setText(formatYuan(a))}
            >
              {a === left ? t('pay.exact') : formatCny(a)}
            </button>
          ))}
        </div>
        <div className="change num" data-testid="change-preview" aria-live="polite">
          {change !== null
            ? `${t('pay.change')} ${formatCny(change)}`
            : amount !== null
              ? t('pay.short', { amount: formatYuan(left - amount) })
              : ''}
        </div>
      </div>
    );
  }
  const amountField = (
    <label className="field">
      {t('pay.part_amount')}
      <input
        inputMode="decimal"
        className="num"
        data-testid="part-amount"
        value={text}
        placeholder={formatYuan(left)}
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  );
  if (method === 'gateway')
    return (
      <div className="tender-body" data-testid="gateway-body">
        <p className="hint">{t('pay.gateway_hint')}</p>
        {amountField}
      </div>
    );
  if (method === 'qr')
    return (
      <div className="tender-body">
        <p className="hint">{t('pay.qr_hint')}</p>
        {amountField}
      </div>
    );
  if (method === 'payment_code') {
    const scanned = code === '' ? null : classifyScan(code);
    return (
      <div className="tender-body">
        <label className="field">
          {scanned?.kind === 'payment_code' ? t(`pay.provider_${scanned.provider}`) : t('pay.code')}
          <input
            autoFocus
            inputMode="numeric"
            className="num big-input"
            data-testid="payment-code"
            value={code}
            placeholder={t('pay.code_hint')}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        {amountField}
      </div>
    );
  }
  return (
    <div className="tender-body">
      <div className="buyers" role="radiogroup" aria-label={t('pay.buyer')} data-testid="buyers">
        {buyers.length === 0 && <p className="hint">{t('pay.no_buyers')}</p>}
        {buyers.map((b) => {
          const room = creditRoom(b);
          const over = amount !== null && amount > room;
          return (
            <button
              key={b.id}
              type="button"
              role="radio"
              aria-checked={b.id === buyerId}
              className={b.id === buyerId ? 'buyer active' : 'buyer'}
              data-testid={`buyer-${b.name}`}
              onClick={() => setBuyer(b.id)}
            >
              <strong>{b.name}</strong>
              <span className="num">
                {t('pay.limit')} <Money fen={b.credit_limit_fen} /> · {t('pay.owing')}{' '}
                <Money fen={b.balance_fen} />
              </span>
              <span className={over ? 'num over' : 'num'}>
                {t('pay.room')} <Money fen={room} />
              </span>
            </button>
          );
        })}
      </div>
      {amountField}
    </div>
  );
}
