import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../store';

export function Login({ onLang }: { onLang: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    useAdmin
      .getState()
      .login(username, password)
      .catch((err: unknown) =>
        setError(t('login.failed', { msg: err instanceof Error ? err.message : String(err) })),
      )
      .finally(() => setBusy(false));
  };
  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
        <button type="button" className="link" onClick={onLang}>
          {t('app.lang')}
        </button>
      </form>
    </main>
  );
}
