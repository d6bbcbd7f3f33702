import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Failed } from '../Failed';
import type { Answer } from '../../../shared/api/route';
import { api, call } from '../api';
import { useLoad } from '../useLoad';
import { formatWhen } from '../when';

type Pairing = Answer<typeof api.terminalCreate>;
type Terminal = Answer<typeof api.terminalList>['terminals'][number];
/** minutes left, worked out when the code arrived */
type Shown = Pairing & { minutes: number };

function PairingCard({ p }: { p: Shown }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(p.pairing_code, { margin: 1, width: 200 }).then(setQr);
  }, [p.pairing_code]);
  return (
    <div className="pairing" role="status">
      {qr && <img src={qr} width={200} height={200} alt={`${t('term.pairing')} ${p.pairing_code}`} />}
      <div>
        <div>{t('term.pairing')}</div>
        <div className="code mono">{p.pairing_code}</div>
        <div className="muted">{t('term.expires', { min: p.minutes })}</div>
        <div className="muted">{t('term.scan')}</div>
      </div>
    </div>
  );
}

/** A half-done enrolment (待完成) is said as such, whatever the terminal's status. */
function StatusPill({ x }: { x: Terminal }) {
  const { t } = useTranslation();
  if (x.pending_step) return <span className="pill warn">{t('term.halfDone')}</span>;
  return (
    <span className={x.status === 'active' ? 'pill ok' : x.status === 'revoked' ? 'pill bad' : 'pill'}>
      {t(`term.${x.status}`)}
    </span>
  );
}

/** Where the enrolment got to: the code outstanding or expired, used (when, from where) with no configuration pulled, or done. */
function Enrolment({ x, readMs }: { x: Terminal; readMs: number }) {
  const { t } = useTranslation();
  const text =
    x.pending_step === 'config' && x.enrolled_ms !== null
      ? t('term.awaitingConfig', { at: formatWhen(x.enrolled_ms), from: x.enrolled_from ?? '?' })
      : x.pending_step === 'code' && x.code_expires_ms !== null
        ? t(x.code_expires_ms > readMs ? 'term.codeOutstanding' : 'term.codeExpired', {
            at: formatWhen(x.code_expires_ms),
          })
        : x.configured_ms !== null
          ? t('term.configured', { at: formatWhen(x.configured_ms) })
          : '';
  return <span className={x.pending_step ? undefined : 'muted'}>{text}</span>;
}

export function Terminals() {
  const { t } = useTranslation();
  const [stall, setStall] = useState('');
  const [name, setName] = useState('');
  const [pairing, setPairing] = useState<Shown | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const stalls = useLoad('stalls', () => call(api.stallList, {}));
  const current = stall || stalls.data?.stalls[0]?.id || '';
  // When the list was read: a code outstanding then is said to expire, one past it to have expired.
  const terms = useLoad(current, async () => ({
    terminals: current ? (await call(api.terminalList, { params: { stall_id: current } })).terminals : [],
    read_ms: Date.now(),
  }));
  const fail = (e: unknown) => setErr(e instanceof Error ? e.message : String(e));
  const create = () =>
    call(api.terminalCreate, { params: { stall_id: current }, body: { name } }).then(
      (p) => (
        setPairing({ ...p, minutes: Math.max(0, Math.round((p.expires_ms - Date.now()) / 60_000)) }),
        setName(''),
        terms.reload()
      ),
      fail,
    );
  const revoke = (id: string) =>
    window.confirm(t('term.revokeConfirm')) &&
    call(api.terminalRevoke, { params: { terminal_id: id } }).then(terms.reload, fail);
  const cancel = (id: string) =>
    window.confirm(t('term.cancelConfirm')) &&
    call(api.terminalEnrolCancel, { params: { terminal_id: id } }).then(terms.reload, fail);
  if (stalls.error) return <Failed msg={stalls.error} retry={stalls.reload} />;
  return (
    <div>
      <h2 className="screen-title">{t('term.title')}</h2>
      <div className="toolbar">
        <label>
          {t('term.stall')}{' '}
          <select value={current} onChange={(e) => (setStall(e.target.value), setPairing(null))}>
            {(stalls.data?.stalls ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <input
          aria-label={t('term.name')}
          placeholder={t('term.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          disabled={!current || name.trim().length === 0}
          onClick={() => void create()}
        >
          {t('term.create')}
        </button>
      </div>
      {err && (
        <p role="alert" className="error">
          {err}
        </p>
      )}
      {pairing && <PairingCard p={pairing} />}
      <table>
        <thead>
          <tr>
            <th>{t('term.name')}</th>
            <th>ID</th>
            <th>{t('term.status')}</th>
            <th>{t('term.enrolment')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(terms.data?.terminals ?? []).map((x) => (
            <tr key={x.id} className={x.pending_step ? 'half-done' : undefined}>
              <td>{x.name}</td>
              <td className="mono">{x.id}</td>
              <td>
                <StatusPill x={x} />
              </td>
              <td>
                <Enrolment x={x} readMs={terms.data?.read_ms ?? 0} />
              </td>
              <td>
                {x.pending_step ? (
                  <button type="button" className="danger" onClick={() => void cancel(x.id)}>
                    {t('term.cancel')}
                  </button>
                ) : (
                  x.status !== 'revoked' && (
                    <button type="button" className="danger" onClick={() => void revoke(x.id)}>
                      {t('term.revoke')}
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
