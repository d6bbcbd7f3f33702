/**
 * The stall a stall-scoped page shows, kept in the store across pages. A stall
 * owner sees only their own stall's name; the office picks from every stall.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from './api';
import { useAdmin } from './store';
import { useLoad } from './useLoad';

type StallInfo = { id: string; name: string };

/** The stall the page should show ('' while the list loads). */
export function useStall(): { stall: string; stalls: StallInfo[] } {
  const stall = useAdmin((s) => s.stall);
  const list = useLoad('stalls', () => call(api.stallList, {}));
  const stalls = list.data?.stalls ?? [];
  const first = stalls[0]?.id ?? '';
  useEffect(() => {
    if (!stall && first) useAdmin.getState().setStall(first);
  }, [stall, first]);
  return { stall: stall || first, stalls };
}

export function StallPicker({ stall, stalls }: { stall: string; stalls: StallInfo[] }) {
  const { t } = useTranslation();
  const owner = useAdmin((s) => s.user?.role === 'stall_owner');
  if (owner)
    return <strong className="stall-name">{stalls.find((s) => s.id === stall)?.name ?? stall}</strong>;
  return (
    <label>
      {t('stall.label')}{' '}
      <select value={stall} onChange={(e) => useAdmin.getState().setStall(e.target.value)}>
        {stalls.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
