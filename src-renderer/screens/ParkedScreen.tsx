import { useTranslation } from 'react-i18next';
import { Money } from '../components/bits';
import { parkedName, useParked } from '../stores/parked';
import { useSession } from '../stores/session';
import { formatTime } from './time';

export function ParkedScreen() {
  const { t } = useTranslation();
  const parked = useParked((s) => s.parked);
  const resume = useParked((s) => s.resume);
  const tz = useSession((s) => s.info?.time_zone ?? 'Asia/Shanghai');
  return (
    <main className="screen" aria-labelledby="parked-title">
      <h1 id="parked-title">{t('parked.title')}</h1>
      {parked.length === 0 && <p className="empty">{t('parked.none')}</p>}
      <ul className="card-list" data-testid="parked-list">
        {parked.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="card"
              data-testid="parked-item"
              onClick={() => void resume(p.id)}
            >
              <span className="strong" data-testid="parked-name">
                {parkedName(p) || t('parked.unnamed')}
              </span>
              {p.label && p.buyer_name && <span>{p.buyer_name}</span>}
              <span>{formatTime(p.parked_ms, tz)}</span>
              <span>{t('parked.lines', { count: p.line_count })}</span>
              <Money fen={p.total_fen} className="strong" />
              <span className="go">{t('parked.resume')}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
