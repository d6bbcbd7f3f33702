/** The staff web shell: login gate, navigation, the business-day picker, language switch. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dashed } from './api';
import { Buyers } from './buyers/Buyers';
import { Catalog } from './catalog/Catalog';
import { StallDays } from './owner/StallDays';
import { StallReport } from './owner/StallReport';
import { StallSettings } from './settings/StallSettings';
import { PriceBoard } from './catalog/PriceBoard';
import { Dashboard } from './screens/Dashboard';
import { EndOfDay } from './screens/EndOfDay';
import { Login } from './screens/Login';
import { Recon } from './screens/Recon';
import { Settlement } from './screens/Settlement';
import { Terminals } from './screens/Terminals';
import { SCREENS_BY_ROLE, useAdmin } from './store';

export function AdminApp() {
  const { t, i18n } = useTranslation();
  const user = useAdmin((s) => s.user);
  const checked = useAdmin((s) => s.checked);
  const screen = useAdmin((s) => s.screen);
  const day = useAdmin((s) => s.day);
  useEffect(() => {
    void useAdmin.getState().restore();
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);
  const switchLang = () => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN');
  if (!checked) return <p className="loading">{t('app.loading')}</p>;
  if (!user) return <Login onLang={switchLang} />;
  return (
    <div className="shell">
      <header className="no-print">
        <h1>{t('app.title')}</h1>
        <nav aria-label={t('app.title')}>
          {SCREENS_BY_ROLE[user.role].map((s) => (
            <button
              key={s}
              type="button"
              className={s === screen ? 'tab active' : 'tab'}
              aria-current={s === screen ? 'page' : undefined}
              onClick={() => useAdmin.getState().go(s)}
            >
              {t(`nav.${s}`)}
            </button>
          ))}
        </nav>
        <label className="day">
          {t('app.day')}
          <input
            type="date"
            value={dashed(day)}
            onChange={(e) => e.target.value && useAdmin.getState().setDay(e.target.value.replaceAll('-', ''))}
          />
        </label>
        <span className="who">{user.username}</span>
        <button type="button" className="link" onClick={switchLang}>
          {t('app.lang')}
        </button>
        <button type="button" className="link" onClick={() => void useAdmin.getState().logout()}>
          {t('app.logout')}
        </button>
      </header>
      <main>
        {screen === 'dashboard' && <Dashboard day={day} />}
        {screen === 'eod' && <EndOfDay day={day} />}
        {screen === 'recon' && <Recon day={day} />}
        {screen === 'settlement' && <Settlement day={day} />}
        {screen === 'terminals' && <Terminals />}
        {screen === 'prices' && <PriceBoard />}
        {screen === 'catalog' && <Catalog />}
        {screen === 'buyers' && <Buyers />}
        {screen === 'settings' && <StallSettings />}
        {screen === 'report' && <StallReport day={day} />}
        {screen === 'days' && <StallDays day={day} />}
      </main>
    </div>
  );
}
