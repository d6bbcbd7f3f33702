import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from './commands';
import { Cart } from './components/Cart';
import { DonePanel } from './components/DonePanel';
import { Keypad } from './components/Keypad';
import { PayPanel } from './components/PayPanel';
import { ProductGrid } from './components/ProductGrid';
import { SignIn } from './components/SignIn';
import { StatusBar } from './components/StatusBar';
import { useSession } from './stores/session';
import { useStatus } from './stores/status';

export function App() {
  const { t } = useTranslation();
  const error = useSession((s) => s.error);
  const load = useSession((s) => s.load);
  const info = useSession((s) => s.info);
  const startStatus = useStatus((s) => s.start);
  useShortcuts();
  useEffect(() => {
    void load();
    return startStatus();
  }, [load, startStatus]);
  return (
    <div className="app">
      <StatusBar />
      {error && (
        <div className="error banner" role="alert">
          {t('errors.generic', { message: error })}
        </div>
      )}
      {info && !info.cashier ? (
        <SignIn />
      ) : (
        <main className="selling">
          <ProductGrid />
          <Cart />
        </main>
      )}
      <Keypad />
      <PayPanel />
      <DonePanel />
    </div>
  );
}
