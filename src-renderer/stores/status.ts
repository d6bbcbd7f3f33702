/** The always-visible status: online, sync queue, printer. Pushed by the core. */
import { create } from 'zustand';
import type { TerminalStatus } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';

interface StatusState {
  status: TerminalStatus | null;
  start(): () => void;
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  start() {
    const api = coreApi();
    void api['status-get']({}).then((r) => r.ok && set({ status: r.value }));
    const off = api.subscribe('status', (status) => set({ status }));
    // The queue's age grows while nothing is pushed: refresh now and then.
    const timer = setInterval(() => void api['status-get']({}).then((r) => r.ok && set({ status: r.value })), 5_000);
    return () => {
      off();
      clearInterval(timer);
    };
  },
}));
