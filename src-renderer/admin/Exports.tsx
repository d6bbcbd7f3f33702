/** The two download links every exported table gets: CSV (Chinese headers, for Excel) and XLSX, from the route's declaration. */
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../shared/api/client';
import type { ExportFormat } from '../../shared/api/exports';
import type { ApiRoute } from '../../shared/api/route';

export function Exports({
  route,
  params,
  query,
}: {
  route: ApiRoute & { produces: 'table-file' };
  params: Record<string, string>;
  query?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const href = (format: ExportFormat) =>
    `${pathOf(route, params)}?${new URLSearchParams({ ...query, format }).toString()}`;
  return (
    <span className="exports">
      <a className="button" href={href('csv')} download>
        {t('export.csv')}
      </a>
      <a className="button" href={href('xlsx')} download>
        {t('export.xlsx')}
      </a>
    </span>
  );
}
