/** The market's product templates: tick the ones the stall sells and add them to its catalog in one step. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/money';
import { api, call } from '../api';
import { useLoad } from '../useLoad';

export function Templates({
  stall,
  have,
  onAdded,
  onClose,
}: {
  stall: string;
  have: ReadonlySet<string>;
  onAdded: (n: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const list = useLoad('templates', () => call(api.templateList, {}));
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [err, setErr] = useState<string | null>(null);
  const toggle = (id: string) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const copy = () =>
    call(api.templateCopy, { params: { stall_id: stall }, body: { template_ids: [...chosen] } }).then(
      (r) => (setChosen(new Set()), onAdded(r.products.length)),
      (e: unknown) => setErr(e instanceof Error ? e.message : String(e)),
    );
  return (
    <section aria-label={t('cat.templates')}>
      <h2>{t('cat.templates')}</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('cat.code')}</th>
            <th>{t('cat.name')}</th>
            <th>{t('cat.unit')}</th>
            <th className="num">{t('cat.price')}</th>
            <th>{t('cat.category')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.templates ?? []).map((x) => (
            <tr key={x.id}>
              <td>
                {have.has(x.code) ? (
                  <span className="pill">{t('cat.inCatalog')}</span>
                ) : (
                  <input
                    type="checkbox"
                    aria-label={x.name}
                    checked={chosen.has(x.id)}
                    onChange={() => toggle(x.id)}
                  />
                )}
              </td>
              <td className="mono">{x.code}</td>
              <td>{x.name}</td>
              <td>{t(`unit.${x.unit}`)}</td>
              <td className="num">{formatYuan(x.unit_price_fen)}</td>
              <td>{x.category}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" className="primary" disabled={chosen.size === 0} onClick={() => void copy()}>
          {t('cat.copy', { n: chosen.size })}
        </button>
        <button type="button" onClick={onClose}>
          {t('cat.close')}
        </button>
        {err && (
          <span role="alert" className="error">
            {err}
          </span>
        )}
      </div>
    </section>
  );
}
