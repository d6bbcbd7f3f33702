/**
 * What the buyer sees (客显): the lines as they are added and the total, the
 * pay QR large, 支付成功 / 付款失败 with the amount, or the stall's name when
 * idle. It follows the core's `display` event; it never polls.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { DisplayState } from '../../shared/contract/display';
import { formatCny } from '../../shared/money';
import { coreApi } from '../transport/core-client';

/** Amounts on the display: ¥ and tabular figures, large. */
function Yuan({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <span className="yuan num" data-testid={testId}>
      {formatCny(fen)}
    </span>
  );
}

function PayQr({ url }: { url: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(url, { margin: 2, width: 480, errorCorrectionLevel: 'M' }).then(
      (d) => live && setImage(d),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return image ? (
    <img
      className="qr"
      src={image}
      alt={t('display.scan_to_pay')}
      data-testid="display-qr"
      data-pay-url={url}
    />
  ) : null;
}

/** The view as the page shows it; the layout effect notes when each view reached the DOM, with the till's stamp (the lag tests read it). */
function View({ state, stall }: { state: DisplayState; stall: string }) {
  const { t } = useTranslation();
  useLayoutEffect(() => {
    document.body.dataset.seq = String(state.seq);
    const w = window as unknown as { __displayShown?: { seq: number; at_ms: number; shown_ms: number }[] };
    (w.__displayShown ??= []).push({ seq: state.seq, at_ms: state.at_ms, shown_ms: Date.now() });
  }, [state.seq, state.at_ms]);
  const v = state.view;
  switch (v.phase) {
    case 'idle':
      return (
        <main className="display idle" data-testid="display-idle">
          <h1>{stall}</h1>
          <p>{t('display.welcome')}</p>
        </main>
      );
    case 'selling':
    case 'paying':
      return (
        <main className={`display ${v.phase}`} data-testid={`display-${v.phase}`}>
          {v.lines.length > 0 && (
            <ol className="display-lines" data-testid="display-lines">
              {v.lines.slice(-8).map((l, i) => (
                <li key={i} data-testid="display-line">
                  <span className="name">{l.name}</span>
                  <span className="detail num">{l.detail}</span>
                  <Yuan fen={l.amount_fen} />
                </li>
              ))}
            </ol>
          )}
          <div className="display-total">
            {t('display.total')} <Yuan fen={v.total_fen} testId="display-total" />
          </div>
          {v.phase === 'paying' && v.pay_url && (
            <div className="display-pay">
              <PayQr url={v.pay_url} />
              <p>
                {t('display.scan_to_pay')} <Yuan fen={v.due_fen} />
              </p>
            </div>
          )}
        </main>
      );
    case 'paid':
      return (
        <main className="display paid" data-testid="display-paid">
          <h1>✓ {t('display.paid')}</h1>
          <Yuan fen={v.amount_fen} testId="display-amount" />
          {v.change_fen > 0 && (
            <p>
              {t('display.change')} <Yuan fen={v.change_fen} />
            </p>
          )}
        </main>
      );
    case 'failed':
      return (
        <main className="display failed" data-testid="display-failed">
          <h1>✗ {t('display.failed')}</h1>
          <Yuan fen={v.amount_fen} testId="display-amount" />
          <p>{t('display.retry')}</p>
        </main>
      );
  }
}

export function DisplayApp() {
  const { t } = useTranslation();
  const [state, setState] = useState<DisplayState | null>(null);
  const [stall, setStall] = useState('');
  // Opened without the launch token there is no core to follow: say so, like the till's page.
  const [api] = useState(() => {
    try {
      return coreApi();
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (!api) return;
    // Subscribe first, then ask: a view pushed in between is not lost (the newer seq wins).
    const keep = (s: DisplayState): void =>
      setState((old) => (old && old.seq > s.seq && old.at_ms >= s.at_ms ? old : s));
    const off = api.subscribe('display', keep);
    void api['display-get']({}).then((r) => r.ok && keep(r.value));
    void api['session-info']({}).then((r) => r.ok && setStall(`${r.value.stall_name}`));
    return off;
  }, [api]);
  if (!api) return <main className="display idle">{t('errors.unauthorized')}</main>;
  return state ? <View state={state} stall={stall} /> : null;
}
