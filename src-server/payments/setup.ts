/** Starting the payments side of a server process: the institutions from their settings, the context, the worker. */
import type { ServerDb } from '../db/database';
import { loadSimSettings, type PaymentsOptions } from './config';
import { contextFrom, type PaymentsContext } from './context';
import type { TerminalEventHub } from '../terminals/event-hub';
import { SimInstitution } from './sim-adapter';
import { startPaymentsWorker, type PaymentsWorker } from './worker';

export interface RunningPayments {
  ctx: PaymentsContext;
  worker: PaymentsWorker | null;
  stop(): Promise<void>;
}

/** `--sim DIR` (or a sim-config.json): the simulator is the market's one institution. */
export function paymentsFromSim(
  dirOrFile: string,
  extra: Omit<PaymentsOptions, 'institutions'> = {},
): PaymentsOptions {
  return { ...extra, institutions: [loadSimSettings(dirOrFile)] };
}

/** The payments context of a server process, its transitions announced on the process's event hub. */
export function paymentsContext(
  o: PaymentsOptions,
  publicUrl: string,
  events: TerminalEventHub,
): PaymentsContext {
  return contextFrom(
    o.institutions.map((s) => new SimInstitution(s)),
    o,
    publicUrl,
    events,
  );
}

export function startPayments(
  db: ServerDb,
  ctx: PaymentsContext,
  opts: { worker: boolean; onError?: (err: unknown) => void },
): RunningPayments {
  const worker = opts.worker ? startPaymentsWorker(db, ctx, { onError: opts.onError }) : null;
  return { ctx, worker, stop: async () => worker?.stop() };
}
