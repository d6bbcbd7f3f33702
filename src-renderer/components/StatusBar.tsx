import { useTranslation } from 'react-i18next';
import { printerView, useStatus } from '../stores/status';
import { useSession } from '../stores/session';
import { useSignOut } from '../stores/sign-out';

/** "45 秒" / "12 分钟" / "3 小时": how long the oldest sale has waited to sync. */
function useAge(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    const s = Math.floor(ms / 1000);
    return s < 60
      ? t('status.age_s', { n: s })
      : s < 3600
        ? t('status.age_m', { n: Math.floor(s / 60) })
        : t('status.age_h', { n: Math.floor(s / 3600) });
  };
}

export function StatusBar() {
  const { t } = useTranslation();
  const age = useAge();
  const status = useStatus((s) => s.status);
  const devices = useStatus((s) => s.devices);
  const coreDown = useStatus((s) => s.coreDown);
  const info = useSession((s) => s.info);
  const signOut = useSignOut((s) => s.signOut);
  const printer = printerView(status, devices);
  const alarm = ['paper_out', 'cover_open', 'offline', 'error'].includes(printer.state);
  const queue = status?.sync.queue_depth ?? 0;
  return (
    <header className="statusbar">
      <strong className="stall">{info ? `${info.stall_name} · ${info.terminal_id}` : t('app.title')}</strong>
      <span role="status" aria-live="polite" className="status-items">
        {coreDown && <span className="alarm">{t('status.core_down')}</span>}
        <span data-testid="net" className={status?.online ? 'ok' : 'warn'}>
          {status?.online ? t('status.online') : t('status.offline')}
        </span>
        <span data-testid="queue" className={queue > 0 && !status?.online ? 'warn' : undefined}>
          {t('status.queue', { count: queue })}
          {status && status.sync.oldest_unsynced_age_ms !== null
            ? ` · ${t('status.oldest', { age: age(status.sync.oldest_unsynced_age_ms) })}`
            : ''}
        </span>
        {devices && devices.scanner.state !== 'none' && (
          <span className={devices.scanner.state === 'ready' ? 'ok' : 'warn'}>
            {t(`status.scanner_${devices.scanner.state}`)}
          </span>
        )}
        {devices && devices.scale.state !== 'none' && (
          <span className={devices.scale.state === 'ready' ? 'ok' : 'warn'}>
            {t(`status.scale_${devices.scale.state}`)}
          </span>
        )}
      </span>
      <span
        data-testid="printer"
        data-state={printer.state}
        role={alarm ? 'alert' : undefined}
        className={alarm ? 'alarm' : printer.state === 'near_end' ? 'warn' : 'ok'}
      >
        {t(`status.printer_${printer.state}`)}
        {alarm && printer.message ? (
          <small> {t('status.printer_detail', { message: printer.message })}</small>
        ) : null}
      </span>
      {info?.cashier && (
        <button type="button" className="signout" data-testid="signout" onClick={() => void signOut()}>
          {info.cashier.name} · {t('signin.signout')}
        </button>
      )}
    </header>
  );
}
