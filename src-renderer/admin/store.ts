/** The staff web's state: who is logged in, which screen, which day. One store, resettable for tests. */
import { create } from 'zustand';
import type { StaffView } from '../../shared/api/staff';
import { businessDay, DEFAULT_TIME_ZONE } from '../../shared/time';
import { api, call, setCsrf } from './api';

export type AdminScreen =
  | 'dashboard'
  | 'eod'
  | 'recon'
  | 'settlement'
  | 'terminals'
  | 'prices'
  | 'catalog'
  | 'buyers'
  | 'settings'
  | 'report'
  | 'days';
const OFFICE: readonly AdminScreen[] = [
  'dashboard',
  'eod',
  'recon',
  'settlement',
  'report',
  'days',
  'prices',
  'catalog',
  'buyers',
  'settings',
  'terminals',
];
/** What each role's navigation offers (the server refuses the rest anyway). */
export const SCREENS_BY_ROLE: Record<StaffUser['role'], readonly AdminScreen[]> = {
  admin: OFFICE,
  finance: OFFICE,
  stall_owner: ['report', 'days', 'prices', 'catalog', 'buyers', 'settings'],
};
type StaffUser = StaffView;

/** The market's business day now: its day starts at the cut-off hour (a night market's 02:00 belongs to yesterday). */
async function marketDay(): Promise<string> {
  const m = await call(api.marketGet, {}).catch(() => ({ time_zone: DEFAULT_TIME_ZONE, day_cutoff_hour: 0 }));
  return businessDay(Date.now(), m.time_zone, m.day_cutoff_hour);
}

interface AdminState {
  user: StaffUser | null;
  checked: boolean;
  screen: AdminScreen;
  day: string;
  /** the stall the stall-scoped pages show; a stall owner's own, or the first the office picked */
  stall: string;
  restore(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  go(screen: AdminScreen): void;
  setDay(day: string): void;
  setStall(stall: string): void;
  reset(): void;
}

const initial = {
  user: null,
  checked: false,
  screen: 'dashboard' as AdminScreen,
  day: businessDay(Date.now(), DEFAULT_TIME_ZONE, 0),
  stall: '',
};
/** A stall owner lands on their own stall's first page; the office on the dashboard. */
const landing = (u: StaffUser) => ({
  screen: SCREENS_BY_ROLE[u.role][0] ?? ('dashboard' as AdminScreen),
  stall: u.stall_id ?? '',
});

export const useAdmin = create<AdminState>((set) => ({
  ...initial,
  restore: async () => {
    try {
      const s = await call(api.staffSession, {});
      setCsrf(s.csrf_token);
      set({ user: s.user, checked: true, day: await marketDay(), ...landing(s.user) });
    } catch {
      set({ user: null, checked: true });
    }
  },
  login: async (username, password) => {
    const s = await call(api.staffLogin, { body: { username, password } });
    setCsrf(s.csrf_token);
    set({ user: s.user, checked: true, day: await marketDay(), ...landing(s.user) });
  },
  logout: async () => {
    await call(api.staffLogout, {}).catch(() => undefined);
    setCsrf('');
    set({ user: null });
  },
  go: (screen) => set({ screen }),
  setDay: (day) => set({ day }),
  setStall: (stall) => set({ stall }),
  reset: () => set(initial),
}));
