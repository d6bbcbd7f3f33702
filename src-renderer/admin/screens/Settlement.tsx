import { formatCny } from '../../../shared/money';
import { useTranslation } from 'react-i18next';
import { Failed } from '../Failed';
import { urlOf } from '../../../shared/api/client';
import { api, call } from '../api';
import { useLoad } from '../useLoad';

const m = (f: number | null) => (f === null ? '—' : `${formatCny(f, { grouped: true })}`);

export function Settlement({ day }: { day: string }) {
  const { t } = useTranslation();
  const s = useLoad(day, () => call(api.adminSettlement, { params: { business_day: day } }));
  const f = useLoad(day, () => call(api.adminFeeIncome, { query: { from: day, to: day } }));
  if (s.error) return <Failed msg={s.error} retry={s.reload} />;
  if (!s.data) return <p className="loading">{t('app.loading')}</p>;
  // Download links from the route's declaration, like every other export.
  const exp = (table: 'settlement' | 'ledger' | 'recon_items') =>
    urlOf(api.adminExport, { params: { table }, query: { from: day, to: day } });
  return (
    <div>
      <h2 className="screen-title">{t('settle.title')}</h2>
      <div className="toolbar">
        <a className="button" href={exp('settlement')} download>
          {t('settle.export')}
        </a>
        <a className="button" href={exp('ledger')} download>
          {t('settle.ledger')}
        </a>
        <a className="button" href={exp('recon_items')} download>
          {t('settle.recon')}
        </a>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('settle.merchant')}</th>
            <th className="num">{t('settle.payments')}</th>
            <th className="num">{t('settle.gross')}</th>
            <th className="num">{t('settle.refunds')}</th>
            <th className="num">{t('settle.chanFee')}</th>
            <th className="num">{t('settle.mktFee')}</th>
            <th className="num">{t('settle.net')}</th>
            <th className="num">{t('settle.inst')}</th>
            <th className="num">{t('settle.instNet')}</th>
          </tr>
        </thead>
        <tbody>
          {s.data.merchants.map((r) => {
            const differs = r.inst_gross_fen !== null && r.inst_gross_fen !== r.gross_fen;
            return (
              <tr key={r.stall_id}>
                <td>
                  {r.name}
                  <br />
                  <small className="mono">{r.sub_mchid ?? '—'}</small>
                </td>
                <td className="num">{r.payments}</td>
                <td className="num">{m(r.gross_fen)}</td>
                <td className="num">{m(r.refund_fen)}</td>
                <td className="num">{m(r.channel_fee_fen)}</td>
                <td className="num">{m(r.market_fee_fen)}</td>
                <td className="num strong">{m(r.net_fen)}</td>
                <td className={differs ? 'num bad' : 'num'}>{m(r.inst_gross_fen)}</td>
                <td className="num">{m(r.inst_net_fen)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('settle.feeIncome')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('settle.type')}</th>
            <th className="num">{t('settle.payments')}</th>
            <th className="num">{t('settle.income')}</th>
          </tr>
        </thead>
        <tbody>
          {(f.data?.rows ?? []).length === 0 && (
            <tr>
              <td colSpan={3}>{t('dash.none')}</td>
            </tr>
          )}
          {(f.data?.rows ?? []).map((r) => (
            <tr key={r.txn_type}>
              <td>{t(`txn.${r.txn_type}`, { defaultValue: r.txn_type })}</td>
              <td className="num">{r.entries}</td>
              <td className="num">{m(r.income_fen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
