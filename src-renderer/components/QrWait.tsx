import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { Money } from './bits';
import { partMethod } from '../stores/checkout';
import { usePaymentWait } from '../stores/payment-wait';

/** The buyer's view of a pending QR part: the pay code large, and its live status. */
export function QrWait({ saleId, initialPayUrl }: { saleId: string; initialPayUrl: string | null }) {
  const { t } = useTranslation();
  const watch = usePaymentWait((s) => s.watch);
  const tenders = usePaymentWait((s) => s.tenders);
  const payUrl = usePaymentWait((s) => s.payUrl) ?? initialPayUrl;
  const startedMs = usePaymentWait((s) => s.startedMs);
  const [image, setImage] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => watch(saleId), [watch, saleId]);
  useEffect(() => {
    let live = true;
    if (payUrl)
      void QRCode.toDataURL(payUrl, { margin: 2, width: 320, errorCorrectionLevel: 'M' }).then(
        (url) => live && setImage(url),
      );
    return () => {
      live = false;
    };
  }, [payUrl]);
  const waiting = tenders.filter((x) => x.kind === 'qr' || x.kind === 'payment_code');
  if (waiting.length === 0) return null;
  return (
    <div className="qr-wait" data-testid="qr-wait">
      {waiting.some((x) => x.kind === 'qr' && x.status === 'paid') && (
        <div className="qr-box paid" data-testid="qr-paid">
          ✓ {t('done.tender_paid')}
        </div>
      )}
      {waiting.some((x) => x.kind === 'qr' && x.status !== 'paid') && (
        <div className="qr-box" data-testid="qr-box" data-pay-url={payUrl ?? ''}>
          {image ? (
            <img src={image} alt={t('done.qr_label')} width={280} height={280} />
          ) : (
            <div className="qr-placeholder">{t('done.qr_placeholder')}</div>
          )}
        </div>
      )}
      {waiting.some((x) => x.via === 'gateway' && x.status !== 'paid') && (
        <p className="gateway-caption" data-testid="gateway-caption">
          {t('done.gateway_caption')}
        </p>
      )}
      <ul className="tender-status">
        {waiting.map((x) => (
          <li
            key={x.tender_no}
            data-testid={`tender-status-${x.kind}`}
            data-status={x.status}
            className={x.status === 'paid' ? 'ok' : x.status === 'pending' ? 'waiting' : 'alarm'}
          >
            {t(`pay.method_${partMethod(x)}`)} <Money fen={x.amount_fen} /> · {t(`done.tender_${x.status}`)}
            {x.status === 'pending' && startedMs > 0
              ? ` · ${t('done.waited', { s: Math.max(0, Math.floor((now - startedMs) / 1000)) })}`
              : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
