/** A stall's buyers (采购商): add, edit, credit limits, what each owes and since when; each one's statement. */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/money';
import { Failed } from '../Failed';
import { api, call, dashed } from '../api';
import { Exports } from '../Exports';
import { StallPicker, useStall } from '../StallPicker';
import { useAdmin } from '../store';
import { useLoad } from '../useLoad';
import { BuyerForm, type BuyerFields } from './BuyerForm';
import { Statement } from './Statement';

export function Buyers() {
  const { t } = useTranslation();
  const day = useAdmin((s) => s.day);
  const { stall, stalls } = useStall();
  const list = useLoad(`buyers-${stall}`, () =>
    stall ? call(api.buyerList, { params: { stall_id: stall } }) : Promise.resolve({ buyers: [] }),
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [statement, setStatement] = useState<string | null>(null);
  const add = (b: BuyerFields) =>
    call(api.buyerCreate, { params: { stall_id: stall }, body: b }).then(list.reload);
  const edit = (id: string) => (b: BuyerFields) =>
    call(api.buyerUpdate, { params: { buyer_id: id }, body: b }).then(
      () => (setEditing(null), list.reload()),
    );
  if (list.error) return <Failed msg={list.error} retry={list.reload} />;
  const buyers = list.data?.buyers ?? [];
  return (
    <div>
      <h2 className="screen-title no-print">{t('buyer.title')}</h2>
      <div className="toolbar no-print">
        <StallPicker stall={stall} stalls={stalls} />
        <span className="spacer" />
        {stall && <Exports route={api.buyerExport} params={{ stall_id: stall }} />}
      </div>
      {statement && (
        <Statement key={statement} buyerId={statement} day={day} onClose={() => setStatement(null)} />
      )}
      <section aria-label={t('buyer.add')} className="no-print">
        <h2>{t('buyer.add')}</h2>
        <BuyerForm key={stall} start={null} submitLabel={t('buyer.add')} onSubmit={add} />
      </section>
      <table className="no-print">
        <thead>
          <tr>
            <th>{t('buyer.name')}</th>
            <th>{t('buyer.phone')}</th>
            <th className="num">{t('buyer.limit')}</th>
            <th className="num">{t('buyer.owed')}</th>
            <th>{t('buyer.since')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {buyers.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('buyer.none')}
              </td>
            </tr>
          )}
          {buyers.map((b) => (
            <Fragment key={b.id}>
              {editing === b.id ? (
                <tr>
                  <td colSpan={6}>
                    <BuyerForm
                      start={b}
                      submitLabel={t('cat.save')}
                      onSubmit={edit(b.id)}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr data-buyer={b.name}>
                  <td>{b.name}</td>
                  <td>{b.phone ?? ''}</td>
                  <td className="num">{formatYuan(b.credit_limit_fen)}</td>
                  <td className="num">
                    {formatYuan(b.owed_fen)}{' '}
                    {b.over_limit && <span className="pill bad">{t('buyer.over')}</span>}
                  </td>
                  <td>{b.owed_since ? dashed(b.owed_since) : '—'}</td>
                  <td className="act">
                    <button type="button" onClick={() => setEditing(b.id)}>
                      {t('cat.edit')}
                    </button>
                    <button type="button" onClick={() => setStatement(b.id)}>
                      {t('buyer.statement')}
                    </button>
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
