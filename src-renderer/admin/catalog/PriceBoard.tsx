/**
 * The daily price board: every product of a stall on one page, one price field
 * each. Type, Enter, next; Ctrl+S (or the button) saves all changes in one step,
 * and the server pushes them to the stall's tills at once.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny, formatYuan } from '../../../shared/money';
import { Failed } from '../Failed';
import { api, call } from '../api';
import { StallPicker, useStall } from '../StallPicker';
import { useLoad } from '../useLoad';
import { PRICE_MAX_YUAN, checkPrice, type PriceCheck } from './price-text';

export function PriceBoard() {
  const { t } = useTranslation();
  const { stall, stalls } = useStall();
  const products = useLoad(`board-${stall}`, () =>
    stall ? call(api.productList, { params: { stall_id: stall } }) : Promise.resolve({ products: [] }),
  );
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const saveBtn = useRef<HTMLButtonElement | null>(null);
  const rows = products.data?.products ?? [];
  const checks = new Map<string, PriceCheck>();
  for (const p of rows) {
    const text = typed[p.id]?.trim();
    if (text) checks.set(p.id, checkPrice(text));
  }
  const changes = rows.flatMap((p) => {
    const c = checks.get(p.id);
    return c?.ok && c.fen !== p.unit_price_fen ? [{ product_id: p.id, unit_price_fen: c.fen }] : [];
  });
  const bad = [...checks.values()].filter((c) => !c.ok).length;

  const save = async () => {
    if (busy) return;
    if (bad > 0) return setMsg({ ok: false, text: t('board.fix', { n: bad }) });
    if (changes.length === 0) return setMsg({ ok: true, text: t('board.nothing') });
    setBusy(true);
    try {
      const r = await call(api.priceBoardSave, { params: { stall_id: stall }, body: { prices: changes } });
      setMsg({ ok: true, text: t('board.saved', { n: r.changed, v: r.config_version }) });
      setTyped({});
      products.reload();
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const onKey = (i: number) => (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const next = e.shiftKey ? inputs.current[i - 1] : inputs.current[i + 1];
    if (next) next.focus();
    else if (!e.shiftKey) saveBtn.current?.focus();
  };
  const onBoardKey = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  if (products.error) return <Failed msg={products.error} retry={products.reload} />;
  return (
    <div onKeyDown={onBoardKey}>
      <h2 className="screen-title">{t('board.title')}</h2>
      <div className="toolbar">
        <StallPicker stall={stall} stalls={stalls} />
        <span className="muted">{t('board.hint')}</span>
        <span className="spacer" />
        <span className="muted">{t('board.changed', { n: changes.length })}</span>
        <button ref={saveBtn} type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? t('board.saving') : t('board.save')}
        </button>
      </div>
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'banner ok' : 'banner warn'}>
          {msg.text}
        </p>
      )}
      <table className="board">
        <thead>
          <tr>
            <th>{t('cat.code')}</th>
            <th>{t('cat.name')}</th>
            <th>{t('cat.category')}</th>
            <th>{t('cat.unit')}</th>
            <th className="num">{t('board.current')}</th>
            <th className="num">{t('board.next')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => {
            const c = checks.get(p.id);
            const changed = c?.ok === true && c.fen !== p.unit_price_fen;
            return (
              <tr
                key={p.id}
                data-product={p.code}
                className={changed ? 'changed' : c && !c.ok ? 'wrong' : undefined}
              >
                <td className="mono">{p.code}</td>
                <td>{p.name}</td>
                <td>{p.category}</td>
                <td>{t(`unit.${p.unit}`)}</td>
                <td className="num">{formatCny(p.unit_price_fen)}</td>
                <td className="num">
                  <input
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    className="price-in"
                    inputMode="decimal"
                    aria-label={`${p.name} ${t('board.next')}`}
                    aria-invalid={c && !c.ok ? true : undefined}
                    placeholder={formatYuan(p.unit_price_fen)}
                    value={typed[p.id] ?? ''}
                    onChange={(e) => setTyped((s) => ({ ...s, [p.id]: e.target.value }))}
                    onKeyDown={onKey(i)}
                  />
                </td>
                <td className="error">{c && !c.ok ? t(`board.${c.error}`, { max: PRICE_MAX_YUAN }) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
