import { useTranslation } from 'react-i18next';
import { useUi } from '../stores/ui';

/** The one message for the cashier: what happened and what to do, closable. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useUi((s) => s.notice);
  const clear = useUi((s) => s.clearNotice);
  if (!notice) return null;
  return (
    <div
      className={`notice ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{t(notice.key, notice.params)}</span>
      {notice.detail && <small className="detail">{notice.detail}</small>}
      <button type="button" className="secondary close" aria-label={t('commands.close')} onClick={clear}>
        ✕
      </button>
    </div>
  );
}
