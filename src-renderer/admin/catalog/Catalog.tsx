/**
 * A stall's catalog: add a product (pinyin initials are derived by the server),
 * edit one in place, see its price history, copy from the market's templates.
 */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/money';
import { Failed } from '../Failed';
import { api, call } from '../api';
import { StallPicker, useStall } from '../StallPicker';
import { useLoad } from '../useLoad';
import { PriceHistory } from './PriceHistory';
import { ProductForm } from './ProductForm';
import { Templates } from './Templates';
import type { ProductInput } from '../../../shared/api/catalog';

export function Catalog() {
  const { t } = useTranslation();
  const { stall, stalls } = useStall();
  const products = useLoad(`cat-${stall}`, () =>
    stall ? call(api.productList, { params: { stall_id: stall } }) : Promise.resolve({ products: [] }),
  );
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [templates, setTemplates] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const all = products.data?.products ?? [];
  const needle = q.trim().toLowerCase();
  const rows = needle
    ? all.filter(
        (p) => p.code.toLowerCase().includes(needle) || p.name.includes(needle) || p.pinyin.includes(needle),
      )
    : all;
  const add = (p: ProductInput) =>
    call(api.productCreate, { params: { stall_id: stall }, body: p }).then(products.reload);
  const edit = (id: string) => (p: ProductInput) =>
    call(api.productUpdate, { params: { product_id: id }, body: p }).then(
      () => (setEditing(null), products.reload()),
    );
  if (products.error) return <Failed msg={products.error} retry={products.reload} />;
  return (
    <div>
      <h2 className="screen-title">{t('cat.title')}</h2>
      <div className="toolbar">
        <StallPicker stall={stall} stalls={stalls} />
        <input
          type="search"
          aria-label={t('cat.search')}
          placeholder={t('cat.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          size={28}
        />
        <span className="muted">{t('cat.count', { n: all.length })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setTemplates((x) => !x)}>
          {t('cat.templates')}
        </button>
      </div>
      {note && (
        <p role="status" className="banner ok">
          {note}
        </p>
      )}
      {templates && (
        <Templates
          stall={stall}
          have={new Set(all.map((p) => p.code))}
          onClose={() => setTemplates(false)}
          onAdded={(n) => (setNote(t('cat.added', { n })), setTemplates(false), products.reload())}
        />
      )}
      <section aria-label={t('cat.add')}>
        <h2>{t('cat.add')}</h2>
        <ProductForm key={stall} start={null} submitLabel={t('cat.add')} onSubmit={add} />
      </section>
      <table>
        <thead>
          <tr>
            <th>{t('cat.code')}</th>
            <th>{t('cat.name')}</th>
            <th>{t('cat.pinyin')}</th>
            <th>{t('cat.unit')}</th>
            <th className="num">{t('cat.price')}</th>
            <th>{t('cat.category')}</th>
            <th>{t('cat.ean')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                {t('cat.none')}
              </td>
            </tr>
          )}
          {rows.map((p) => (
            <Fragment key={p.id}>
              {editing === p.id ? (
                <tr>
                  <td colSpan={8}>
                    <ProductForm
                      start={p}
                      submitLabel={t('cat.save')}
                      onSubmit={edit(p.id)}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr data-product={p.code}>
                  <td className="mono">{p.code}</td>
                  <td>{p.name}</td>
                  <td className="mono">{p.pinyin}</td>
                  <td>{t(`unit.${p.unit}`)}</td>
                  <td className="num">{formatYuan(p.unit_price_fen)}</td>
                  <td>{p.category}</td>
                  <td className="mono">{p.ean ?? ''}</td>
                  <td className="act">
                    <button type="button" onClick={() => setEditing(p.id)}>
                      {t('cat.edit')}
                    </button>
                    <button
                      type="button"
                      aria-expanded={history === p.id}
                      onClick={() => setHistory((h) => (h === p.id ? null : p.id))}
                    >
                      {t('cat.history')}
                    </button>
                  </td>
                </tr>
              )}
              {history === p.id && (
                <tr className="sub">
                  <td colSpan={8}>
                    <PriceHistory productId={p.id} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
