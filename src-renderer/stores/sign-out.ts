/**
 * Signing out. The core refuses while journal entries wait for the server
 * (manager_required, with how many in details.unsynced): then a dialog says
 * how many and takes a manager's PIN, and the core decides again.
 */
import { create } from 'zustand';
import { coreApi } from '../transport/core-client';
import { useSession } from './session';
import { useUi } from './ui';

interface SignOutState {
  /** the manager dialog: how many entries are at risk, and whether the last PIN was refused */
  ask: { unsynced: number; pinWrong: boolean } | null;
  pin: string;
  busy: boolean;
  setPin(pin: string): void;
  /** asks the core to sign out; with the dialog up, with the manager's PIN typed in it */
  signOut(): Promise<void>;
  cancel(): void;
  reset(): void;
}

const initial = { ask: null, pin: '', busy: false };

export const useSignOut = create<SignOutState>()((set, get) => ({
  ...initial,
  setPin: (pin) => set({ pin: pin.replace(/\D/g, '').slice(0, 8) }),
  async signOut() {
    if (get().busy) return;
    const managerPin = get().ask ? get().pin : undefined;
    set({ busy: true, pin: '' });
    const r = await coreApi()['cashier-signout']({ manager_pin: managerPin });
    set({ busy: false });
    if (r.ok) {
      set({ ask: null });
      return useSession.getState().load();
    }
    const unsynced = r.error.details?.unsynced ?? get().ask?.unsynced ?? 0;
    if (r.error.code === 'manager_required') return set({ ask: { unsynced, pinWrong: false } });
    if (r.error.code === 'wrong_pin' && managerPin !== undefined)
      return set({ ask: { unsynced, pinWrong: true } });
    set({ ask: null });
    useUi.getState().fail(r.error);
  },
  cancel: () => set(initial),
  reset: () => set(initial),
}));
