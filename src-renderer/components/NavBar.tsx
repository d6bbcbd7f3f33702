import { useTranslation } from 'react-i18next';
import { keyOf, runCommand } from '../commands';
import { useUi, type Screen } from '../stores/ui';
import { keyLabel } from './bits';

const SCREENS: Screen[] = ['selling', 'parked', 'history', 'shift', 'day', 'settings'];

export function NavBar() {
  const { t } = useTranslation();
  const screen = useUi((s) => s.screen);
  return (
    <nav className="navbar" aria-label={t('nav.label')}>
      {SCREENS.map((s) => (
        <button
          key={s}
          type="button"
          className={s === screen ? 'tab active' : 'tab'}
          aria-current={s === screen ? 'page' : undefined}
          data-testid={`nav-${s}`}
          onClick={() => runCommand(`nav_${s}`)}
        >
          {t(`nav.${s}`)} <kbd>{keyLabel(keyOf(`nav_${s}`))}</kbd>
        </button>
      ))}
    </nav>
  );
}
