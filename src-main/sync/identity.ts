/** Who this terminal is, as the server told it at enrolment and in its configuration. */
import type { TerminalConfig } from '../../shared/sync/config';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';

export interface TerminalIdentity {
  terminal_id: string;
  server_url: string;
  market_name: string;
  stall_id: string;
  stall_name: string;
  time_zone: string;
  day_cutoff_hour: number;
  config_version: number;
}

const KEY = 'identity';

export function loadIdentity(db: Db): TerminalIdentity | null {
  const raw = getSetting(db, KEY);
  return raw ? (JSON.parse(raw) as TerminalIdentity) : null;
}

export function saveIdentity(db: Db, id: TerminalIdentity): void {
  setSetting(db, KEY, JSON.stringify(id));
}

export function saveIdentityFromConfig(db: Db, serverUrl: string, c: TerminalConfig): TerminalIdentity {
  const id: TerminalIdentity = {
    terminal_id: c.terminal_id,
    server_url: serverUrl,
    market_name: c.market_name,
    stall_id: c.stall_id,
    stall_name: c.stall_name,
    time_zone: c.time_zone,
    day_cutoff_hour: c.day_cutoff_hour,
    config_version: c.version,
  };
  saveIdentity(db, id);
  return id;
}
