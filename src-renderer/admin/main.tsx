import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { AdminApp } from './AdminApp';
import { adminI18n } from './i18n';
import './admin.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={adminI18n}>
      <AdminApp />
    </I18nextProvider>
  </StrictMode>,
);
