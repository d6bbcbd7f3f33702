import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useStatus } from '../stores/status';

function age(ms: number | null): string {
  if (ms === null) return '';
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m` : `${Math.floor(s / 3600)}h`;
}

export function StatusBar() {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  const info = useSession((s) => s.info);
  const signOut = useSession((s) => s.signOut);
  const printer = status?.printer;
  return (
    <header className="statusbar" role="status">
      <strong className="stall">{info ? `${info.stall_name} · ${info.terminal_id}` : t('app.title')}</strong>
      <span data-testid="net" className={status?.online ? 'ok' : 'warn'}>{status?.online ? t('status.online') : t('status.offline')}</span>
      <span data-testid="queue">
        {t('status.queue', { count: status?.sync.queue_depth ?? 0 })}
        {status && status.sync.oldest_unsynced_age_ms !== null ? ` · ${t('status.oldest', { age: age(status.sync.oldest_unsynced_age_ms) })}` : ''}
      </span>
      <span data-testid="printer" className={printer?.state === 'error' ? 'alarm' : 'ok'}>
        {printer ? t(`status.printer_${printer.state}`, { message: printer.message ?? '' }) : ''}
      </span>
      {info?.cashier && (
        <button type="button" className="signout" onClick={() => void signOut()}>
          {info.cashier.name} · {t('signin.signout')}
        </button>
      )}
    </header>
  );
}
