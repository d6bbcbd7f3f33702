/** The customer display's page: /display.html of the core in browser mode, the second window in Electron. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18n from '../i18n';
import { DisplayApp } from './DisplayApp';
import './display.css';

const root = document.getElementById('root');
if (!root) throw new Error('display.html has no #root');
try {
  createRoot(root).render(
    <StrictMode>
      <DisplayApp />
    </StrictMode>,
  );
} catch (err) {
  root.textContent = `${i18n.t('errors.unauthorized')} (${String(err)})`;
}
