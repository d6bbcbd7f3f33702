/** The staff web's own i18next instance (the cashier UI keeps its own): zh-CN first, English switchable. */
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn, adminZh } from './strings';

export const adminI18n = createInstance();
void adminI18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: adminZh }, en: { translation: adminEn } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
