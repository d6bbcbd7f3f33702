/** The till's merchant settings as pulled from the server (shared/stall-settings.ts). */
import { DEFAULT_STALL_SETTINGS, type StallSettings } from '../../shared/stall-settings';
import type { Db } from './db';
import { getSetting, setSetting } from './settings';

export type TillSettings = StallSettings;

/** Settings saved by an older till lack the newer fields: those take their defaults. */
export function getTillSettings(db: Db): TillSettings {
  const raw = getSetting(db, 'till_settings');
  return raw
    ? { ...DEFAULT_STALL_SETTINGS, ...(JSON.parse(raw) as Partial<TillSettings>) }
    : DEFAULT_STALL_SETTINGS;
}

export function saveTillSettings(db: Db, s: TillSettings): void {
  setSetting(db, 'till_settings', JSON.stringify(s));
}
