/** The till's merchant settings as pulled from the server (rounding, refund limit, price overrides). */
import type { TerminalConfig } from '../../shared/sync/config';
import type { Db } from './db';
import { getSetting, setSetting } from './settings';

export type TillSettings = TerminalConfig['settings'];

export const DEFAULT_TILL_SETTINGS: TillSettings = {
  rounding: 'none',
  refund_manager_limit_fen: 5000,
  allow_price_override: true,
};

export function getTillSettings(db: Db): TillSettings {
  const raw = getSetting(db, 'till_settings');
  return raw
    ? { ...DEFAULT_TILL_SETTINGS, ...(JSON.parse(raw) as Partial<TillSettings>) }
    : DEFAULT_TILL_SETTINGS;
}

export function saveTillSettings(db: Db, s: TillSettings): void {
  setSetting(db, 'till_settings', JSON.stringify(s));
}
