import { useTranslation } from 'react-i18next';
import { useSignOut } from '../stores/sign-out';
import { CommandButton } from './bits';
import { PinPad } from './PinPad';

/** Up when the core refused a sign-out because entries wait for the server: says how many, takes a manager's PIN. */
export function SignOutDialog() {
  const { t } = useTranslation();
  const ask = useSignOut((s) => s.ask);
  const pin = useSignOut((s) => s.pin);
  const setPin = useSignOut((s) => s.setPin);
  const busy = useSignOut((s) => s.busy);
  const signOut = useSignOut((s) => s.signOut);
  if (!ask) return null;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="signout-title"
      aria-describedby="signout-at-risk"
    >
      <form
        className="dialog"
        data-testid="signout-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void signOut();
        }}
      >
        <h2 id="signout-title">{t('signout.title')}</h2>
        <p id="signout-at-risk" className="strong" data-testid="signout-unsynced">
          {t('signout.at_risk', { count: ask.unsynced })}
        </p>
        <p className="hint">{t('signout.hint')}</p>
        <label className="field">
          {t('signout.manager_pin')}
          <input
            autoFocus
            type="password"
            inputMode="numeric"
            autoComplete="off"
            className="pin num"
            data-testid="signout-manager-pin"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <PinPad value={pin} onChange={setPin} />
        {ask.pinWrong && (
          <div className="error" role="alert">
            {t('signout.wrong_pin')}
          </div>
        )}
        <div className="actions">
          <CommandButton id="cancel" />
          <CommandButton
            id="confirm"
            className="danger big"
            testId="signout-confirm"
            disabled={busy || pin.length < 4}
          >
            {t('signout.confirm')}
          </CommandButton>
        </div>
      </form>
    </div>
  );
}
