import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BargainDialog } from './components/BargainDialog';
import { Cart } from './components/Cart';
import { DonePanel } from './components/DonePanel';
import { Keypad } from './components/Keypad';
import { NavBar } from './components/NavBar';
import { NoticeBar } from './components/NoticeBar';
import { PayPanel } from './components/PayPanel';
import { ProductGrid } from './components/ProductGrid';
import { SignIn } from './components/SignIn';
import { SignOutDialog } from './components/SignOutDialog';
import { StatusBar } from './components/StatusBar';
import { useKeyboard } from './hooks/useKeyboard';
import { DayScreen } from './screens/DayScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { ParkDialog } from './components/ParkDialog';
import { startCurrentSale } from './stores/current-sale-restore';
import { ParkedScreen } from './screens/ParkedScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ShiftScreen } from './screens/ShiftScreen';
import { useSession } from './stores/session';
import { useStatus } from './stores/status';
import { useUi } from './stores/ui';
import { handleScan } from './stores/scan';
import { coreApi } from './transport/core-client';
import { startAnnouncer } from './speech/announcer';
import { startDisplayPublisher } from './display/publisher';

function Screen() {
  const screen = useUi((s) => s.screen);
  const { t } = useTranslation();
  switch (screen) {
    case 'selling':
      return (
        <main className="selling" aria-label={t('nav.selling')}>
          <ProductGrid />
          <Cart />
        </main>
      );
    case 'parked':
      return <ParkedScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'shift':
      return <ShiftScreen />;
    case 'day':
      return <DayScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export function App() {
  const { t } = useTranslation();
  const error = useSession((s) => s.error);
  const load = useSession((s) => s.load);
  const info = useSession((s) => s.info);
  const startStatus = useStatus((s) => s.start);
  useKeyboard();
  useEffect(() => {
    void load();
    const stopStatus = startStatus();
    // A serial scanner's scans arrive from the core and do what a wedge scan does.
    const offScan = coreApi().subscribe('scan', (s) => handleScan(s.raw));
    const stopAnnouncer = startAnnouncer();
    // The office changed prices, products or settings: the grid shows them without signing in again.
    const offConfig = coreApi().subscribe('config', () => void load());
    const stopDisplay = startDisplayPublisher();
    const stopCurrentSale = startCurrentSale();
    return () => {
      stopCurrentSale();
      stopStatus();
      offScan();
      stopAnnouncer();
      offConfig();
      stopDisplay();
    };
  }, [load, startStatus]);
  return (
    <div className="app">
      <StatusBar />
      {error && (
        <div className="notice error" role="alert">
          {t('errors.core', { message: error })}
        </div>
      )}
      {info && !info.cashier ? (
        <SignIn />
      ) : info ? (
        <>
          <NavBar />
          <NoticeBar />
          <Screen />
        </>
      ) : (
        <main className="loading">{t('app.loading')}</main>
      )}
      <Keypad />
      <BargainDialog />
      <PayPanel />
      <DonePanel />
      <SignOutDialog />
      <ParkDialog />
    </div>
  );
}
