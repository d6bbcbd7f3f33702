/** The always-visible status: online, sync queue, printer, scanner, scale. Pushed by the core, refreshed now and then. */
import { create } from 'zustand';
import type { DeviceStatus } from '../../shared/contract/devices';
import type { TerminalStatus } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';
import { useUi } from './ui';

interface StatusState {
  status: TerminalStatus | null;
  /** null until the core's device part answers (older cores have none) */
  devices: DeviceStatus | null;
  /** the core itself stopped answering (its process is gone) */
  coreDown: boolean;
  start(): () => void;
  /** prints the printer's test page: the quickest check after changing paper or cable */
  testPrinter(): Promise<void>;
  reset(): void;
}

const REFRESH_MS = 3_000;

export type PrinterView =
  'none' | 'ready' | 'printing' | 'paper_out' | 'cover_open' | 'offline' | 'near_end' | 'error';

/** One printer state for the status bar, from the device status when there is one, else from the core's summary. */
export function printerView(
  status: TerminalStatus | null,
  devices: DeviceStatus | null,
): { state: PrinterView; message: string | null } {
  if (devices) return { state: devices.printer.state, message: devices.printer.message };
  const p = status?.printer;
  if (!p) return { state: 'none', message: null };
  if (p.state !== 'error') return { state: p.state, message: p.message };
  // Until device-status is pushed, the summary's message is all there is: find the common faults in it.
  const m = p.message ?? '';
  if (/paper|纸/i.test(m)) return { state: 'paper_out', message: m };
  if (/cover|盖/i.test(m)) return { state: 'cover_open', message: m };
  if (/offline|refused|ECONN|unreachable|timed? ?out/i.test(m)) return { state: 'offline', message: m };
  return { state: 'error', message: m };
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  devices: null,
  coreDown: false,
  start() {
    const api = coreApi();
    const refresh = (): void => {
      void api['status-get']({}).then((r) =>
        set(r.ok ? { status: r.value, coreDown: false } : { coreDown: r.error.code === 'internal' }),
      );
      // The device part of the contract may be missing from an older core: then the summary above is used.
      if (typeof api['devices-status'] === 'function')
        void api['devices-status']({}).then((r) => r.ok && set({ devices: r.value }));
    };
    refresh();
    const offStatus = api.subscribe('status', (status) => set({ status, coreDown: false }));
    const offDevices = api.subscribe('device-status', (devices) => set({ devices }));
    // The queue's age grows while nothing is pushed, and a missed event must not stick.
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      offStatus();
      offDevices();
      clearInterval(timer);
    };
  },
  async testPrinter() {
    const r = await coreApi()['printer-test-page']({});
    if (!r.ok) return useUi.getState().fail(r.error);
    useUi
      .getState()
      .notify(
        r.value.printed
          ? { kind: 'info', key: 'settings.test_printed' }
          : { kind: 'error', key: 'settings.test_failed', detail: r.value.error ?? '' },
      );
  },
  reset: () => set({ status: null, devices: null, coreDown: false }),
}));
