import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', '⌫'];
const MAX_PIN = 8;

export function SignIn() {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const signIn = useSession((s) => s.signIn);
  const pinError = useSession((s) => s.pinError);
  const submit = async (): Promise<void> => {
    if (!(await signIn(pin))) setPin('');
  };
  const press = (k: string): void =>
    setPin((p) => (k === 'C' ? '' : k === '⌫' ? p.slice(0, -1) : p.length < MAX_PIN ? p + k : p));
  return (
    <main className="signin">
      <form
        className="signin-box"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{t('signin.title')}</h1>
        <input
          className="pin num"
          data-testid="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          aria-label={t('signin.pin')}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, MAX_PIN))}
        />
        {pinError && (
          <div className="error" role="alert">
            {t(pinError === 'wrong_pin' ? 'signin.wrong_pin' : 'errors.generic', { message: pinError })}
          </div>
        )}
        <div className="keys">
          {KEYS.map((k) => (
            <button key={k} type="button" className="key" onClick={() => press(k)}>
              {k}
            </button>
          ))}
        </div>
        <button type="submit" className="primary big" data-testid="signin" disabled={pin.length < 4}>
          {t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
