/** The two download links every exported table gets: CSV (Chinese headers, for Excel) and XLSX. */
import { useTranslation } from 'react-i18next';

export function Exports({ path, query = '' }: { path: string; query?: string }) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => `/api/v1/admin${path}?${query ? `${query}&` : ''}format=${format}`;
  return (
    <span className="exports">
      <a className="button" href={href('csv')} download>{t('export.csv')}</a>
      <a className="button" href={href('xlsx')} download>{t('export.xlsx')}</a>
    </span>
  );
}
