import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from './bits';
import { partMethod } from '../stores/checkout';
import { usePaymentWait } from '../stores/payment-wait';
import { coreApi } from '../transport/core-client';
import { useUi } from '../stores/ui';

/**
 * What the cashier can do about a sale's wallet tenders: a waiting payment code counts down to the
 * institution's deadline and can be cancelled (reversed there); a failed or reversed one is said in
 * large type with its reason, and what is still owed can be taken in cash or with a fresh payment
 * code on the same sale, or the sale voided. The done screen and the history screen both show it;
 * `onChanged` runs after each action (history reloads its list and detail).
 */
export function TenderOutcomes({
  saleId,
  onChanged,
  inHistory = false,
}: {
  saleId: string;
  onChanged?: () => void;
  /** on the history screen: no hint to come back to history */
  inHistory?: boolean;
}) {
  const { t } = useTranslation();
  const tenders = usePaymentWait((s) => s.tenders);
  const owed = usePaymentWait((s) => s.owedFen);
  const status = usePaymentWait((s) => s.saleStatus);
  const refresh = usePaymentWait((s) => s.refresh);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const act = async (
    run: () => Promise<{ ok: boolean; error?: Parameters<ReturnType<typeof useUi.getState>['fail']>[0] }>,
  ): Promise<void> => {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (!r.ok && r.error) useUi.getState().fail(r.error);
    await refresh();
    onChanged?.();
  };
  const waiting = tenders.filter((x) => x.kind === 'payment_code' && x.status === 'pending');
  const gone = tenders.filter(
    (x) => x.status === 'failed' || x.status === 'reversed' || x.status === 'closed',
  );
  if (waiting.length === 0 && (gone.length === 0 || status === 'completed')) return null;
  return (
    <div className="tender-outcomes" data-testid="tender-outcomes">
      {waiting.map((x) => (
        <div key={x.tender_no} className="countdown" data-testid="code-countdown">
          <p className="countdown-big">
            {t('outcome.waiting_code')} <Money fen={x.amount_fen} />
            {x.deadline_ms
              ? ` · ${t('outcome.countdown', { s: Math.max(0, Math.ceil((x.deadline_ms - now) / 1000)) })}`
              : ''}
          </p>
          <button
            type="button"
            className="danger big"
            data-testid="tender-cancel"
            disabled={busy}
            onClick={() =>
              void act(() => coreApi()['tender-cancel']({ sale_id: saleId, tender_no: x.tender_no }))
            }
          >
            {t('outcome.cancel')}
          </button>
          <button
            type="button"
            className="secondary big"
            data-testid="tender-query"
            disabled={busy}
            onClick={() => void act(() => coreApi()['payment-query']({ sale_id: saleId }))}
          >
            {t('outcome.query')}
          </button>
        </div>
      ))}
      {status !== 'completed' &&
        gone.map((x) => (
          <div
            key={x.tender_no}
            className="alarm-box outcome-failed"
            role="alert"
            data-testid="tender-failed"
          >
            <p className="outcome-title">
              {t(`pay.method_${partMethod(x)}`)} <Money fen={x.amount_fen} /> {t(`outcome.${x.status}`)}
            </p>
            <p className="outcome-reason" data-testid="tender-reason">
              {x.reason_zh}
            </p>
          </div>
        ))}
      {status === 'pending' && owed > 0 && (
        <div className="actions outcome-actions">
          <p className="owed-big" data-testid="owed">
            {t('outcome.owed')} <Money fen={owed} />
          </p>
          <button
            type="button"
            className="primary big"
            data-testid="take-cash"
            disabled={busy}
            onClick={() =>
              void act(() =>
                coreApi()['sale-add-tender']({
                  sale_id: saleId,
                  tender: { kind: 'cash', tendered_fen: owed },
                }),
              )
            }
          >
            {t('outcome.take_cash')}
          </button>
          <form
            className="fresh-code"
            onSubmit={(e) => {
              e.preventDefault();
              const scanned = code.trim();
              if (scanned === '') return;
              setCode('');
              void act(() =>
                coreApi()['sale-add-tender']({
                  sale_id: saleId,
                  tender: { kind: 'payment_code', amount_fen: owed, code: scanned },
                }),
              );
            }}
          >
            <label className="field">
              {t('outcome.fresh_code')}
              <input
                className="num"
                inputMode="numeric"
                autoComplete="off"
                data-testid="fresh-code"
                placeholder={t('outcome.fresh_code_hint')}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 24))}
              />
            </label>
            <button
              type="submit"
              className="secondary big"
              data-testid="charge-code"
              disabled={busy || code.trim() === ''}
            >
              {t('outcome.charge_code')}
            </button>
          </form>
          <button
            type="button"
            className="danger big"
            data-testid="void-open"
            disabled={busy || tenders.some((x) => x.status === 'paid' || x.status === 'pending')}
            onClick={() => void act(() => coreApi()['sale-void-open']({ sale_id: saleId, reason: '' }))}
          >
            {t('outcome.void')}
          </button>
          {!inHistory && <p className="hint">{t('outcome.other_hint')}</p>}
        </div>
      )}
    </div>
  );
}
