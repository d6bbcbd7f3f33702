/** A screen's load that failed: the reason and a retry button (every staff screen uses it). */
import { useTranslation } from 'react-i18next';

export function Failed({ msg, retry }: { msg: string; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t('app.error', { msg })}{' '}
      <button type="button" onClick={retry}>
        {t('app.retry')}
      </button>
    </p>
  );
}
