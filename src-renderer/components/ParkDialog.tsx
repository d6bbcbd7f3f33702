import { useTranslation } from 'react-i18next';
import { PARK_LABEL_CHARS_MAX } from '../../shared/limits';
import { useParked } from '../stores/parked';
import { CommandButton } from './bits';

/** Up when the cashier parks a sale (挂单): a name — the buyer, a truck's plate number — to find it again by. */
export function ParkDialog() {
  const { t } = useTranslation();
  const naming = useParked((s) => s.naming);
  const setName = useParked((s) => s.setName);
  const park = useParked((s) => s.park);
  if (naming === null) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="park-title">
      <form
        className="dialog"
        data-testid="park-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void park();
        }}
      >
        <h2 id="park-title">{t('parked.name_title')}</h2>
        <label className="field">
          {t('parked.name_label')}
          <input
            autoFocus
            type="text"
            autoComplete="off"
            maxLength={PARK_LABEL_CHARS_MAX}
            data-testid="park-name"
            value={naming}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <p className="hint">{t('parked.name_hint')}</p>
        <div className="actions">
          <CommandButton id="cancel" />
          <CommandButton id="confirm" className="primary big" testId="park-confirm">
            {t('parked.name_confirm')}
          </CommandButton>
        </div>
      </form>
    </div>
  );
}
