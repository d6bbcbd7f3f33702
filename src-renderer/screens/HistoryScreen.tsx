import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/money';
import { saleStanding } from '../../shared/sales/outcome';
import { Money } from '../components/bits';
import { TenderOutcomes } from '../components/TenderOutcomes';
import { RefundDialog } from './RefundDialog';
import { partMethod } from '../stores/checkout';
import { usePaymentWait } from '../stores/payment-wait';
import { refundEstimate, useHistory } from '../stores/history';
import { useSession } from '../stores/session';
import { formatTime } from './time';

type Standing = Parameters<typeof saleStanding>[0];

/** The sale's badge: 待付款 / 未收齐 / 已完成 / 部分退款 ¥x / 已退款 / 已作废. */
function StandingBadge({ t, s, testId }: { t: TFunction; s: Standing; testId: string }) {
  const standing = saleStanding(s);
  const cls =
    standing === 'waiting' || standing === 'owed'
      ? 'badge warn'
      : standing === 'completed'
        ? 'badge'
        : 'badge muted';
  return (
    <span className={cls} data-testid={testId}>
      {t(`history.standing_${standing}`, { amount: formatYuan(s.refunded_fen) })}
    </span>
  );
}

export function HistoryScreen() {
  const { t } = useTranslation();
  const query = useHistory((s) => s.query);
  const setQuery = useHistory((s) => s.setQuery);
  const load = useHistory((s) => s.load);
  const sales = useHistory((s) => s.sales);
  const detail = useHistory((s) => s.detail);
  const open = useHistory((s) => s.open);
  const reprint = useHistory((s) => s.reprint);
  const startRefund = useHistory((s) => s.startRefund);
  const busy = useHistory((s) => s.busy);
  const picked = useHistory((s) => s.picked);
  const toggleLine = useHistory((s) => s.toggleLine);
  const tz = useSession((s) => s.info?.time_zone ?? 'Asia/Shanghai');
  const watch = usePaymentWait((s) => s.watch);
  useEffect(() => {
    const timer = setTimeout(() => void load(), 200);
    return () => clearTimeout(timer);
  }, [query, load]);
  // An open sale (waiting or owed) gets the failed-tender panel's actions, following its tenders.
  const openId = detail?.sale.status === 'pending' ? detail.sale.id : null;
  useEffect(() => (openId ? watch(openId) : undefined), [openId, watch]);
  // A tender that moves while the sale is open on screen (paid, reversed at its deadline) reloads it.
  const moved = usePaymentWait((s) =>
    s.saleId === openId && s.saleStatus
      ? `${s.saleStatus}:${s.owedFen}:${s.tenders.map((x) => x.status)}`
      : '',
  );
  useEffect(() => {
    if (moved === '' || !openId) return;
    void open(openId);
    void load();
  }, [moved, openId, open, load]);
  const reopen = (): void => {
    if (!detail) return;
    void open(detail.sale.id);
    void load();
  };
  const refundable = refundEstimate(detail, picked);
  return (
    <main className="screen history" aria-labelledby="history-title">
      <div className="history-list">
        <h1 id="history-title">{t('history.title')}</h1>
        <input
          type="search"
          className="search"
          data-testid="history-search"
          aria-label={t('history.search')}
          placeholder={t('history.search_hint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul className="sale-list" data-testid="sale-list">
          {sales.length === 0 && <li className="empty">{t('history.none')}</li>}
          {sales.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={detail?.sale.id === s.id ? 'sale-row active' : 'sale-row'}
                data-testid="sale-row"
                onClick={() => void open(s.id)}
              >
                <span className="num">{s.receipt_no.slice(-4)}</span>
                <span>{formatTime(s.created_ms, tz)}</span>
                <StandingBadge t={t} s={s} testId="sale-standing" />
                <Money fen={s.total_fen} className="strong" />
              </button>
            </li>
          ))}
        </ul>
      </div>
      <section className="history-detail" aria-label={t('history.detail')}>
        {!detail && <p className="empty">{t('history.pick')}</p>}
        {detail && (
          <>
            <h2 className="num">
              {detail.sale.receipt_no} <StandingBadge t={t} s={detail.sale} testId="detail-standing" />
            </h2>
            <ul className="tender-status">
              {detail.tenders.map((x) => (
                <li
                  key={x.tender_no}
                  className={x.status === 'paid' ? 'ok' : x.status === 'pending' ? 'waiting' : 'alarm'}
                >
                  {t(`pay.method_${partMethod(x)}`)} <Money fen={x.amount_fen} /> ·{' '}
                  {t(`done.tender_${x.status}`)}
                </li>
              ))}
              {detail.refunded_fen > 0 && (
                <li className="warn" data-testid="refunded">
                  {t('history.refunded')} <Money fen={detail.refunded_fen} />
                </li>
              )}
            </ul>
            {openId && (
              <div className="history-open" data-testid="history-open">
                <p className="hint">{t('history.open_actions')}</p>
                <TenderOutcomes saleId={openId} onChanged={reopen} inHistory />
              </div>
            )}
            {!openId && (
              <>
                <p className="hint" id="refund-lines-hint">
                  {t('history.lines')}
                </p>
                <ul className="refund-lines" aria-labelledby="refund-lines-hint">
                  {detail.lines.map((l) => {
                    const left = l.net_fen - l.refunded_fen;
                    return (
                      <li key={l.line_no}>
                        <button
                          type="button"
                          className={picked.includes(l.line_no) ? 'tab active' : 'tab'}
                          aria-pressed={picked.includes(l.line_no)}
                          disabled={left <= 0}
                          data-testid={`refund-line-${l.line_no}`}
                          onClick={() => toggleLine(l.line_no)}
                        >
                          {l.name} {left > 0 ? <Money fen={left} /> : t('history.line_refunded')}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            <pre
              className="receipt-preview"
              data-testid="receipt-preview"
              aria-label={t('history.preview')}
              tabIndex={0}
            >
              {detail.receipt_text ?? t('history.no_receipt')}
            </pre>
            <div className="actions">
              <button
                type="button"
                className="secondary big"
                data-testid="reprint"
                disabled={busy}
                onClick={() => void reprint()}
              >
                {t('history.reprint')}
              </button>
              <button
                type="button"
                className="danger big"
                data-testid="refund"
                disabled={busy || refundable <= 0}
                onClick={() => void startRefund()}
              >
                {t('history.refund', { amount: formatYuan(Math.max(0, refundable)) })}
              </button>
            </div>
          </>
        )}
      </section>
      <RefundDialog />
    </main>
  );
}
