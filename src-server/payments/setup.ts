/** Starting the payments side of a server process: the institutions from their settings, the context, the worker. */
import type { ServerDb } from '../db/database';
import { loadSimSettings, type PaymentsOptions } from './config';
import { attachPayments, contextFrom, type PaymentsContext } from './context';
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

export function startPayments(
  db: ServerDb,
  o: PaymentsOptions,
  publicUrl: string,
  opts: { worker: boolean; onError?: (err: unknown) => void },
): RunningPayments {
  const ctx = contextFrom(
    o.institutions.map((s) => new SimInstitution(s)),
    o,
    publicUrl,
  );
  attachPayments(db, ctx);
  const worker = opts.worker ? startPaymentsWorker(db, ctx, { onError: opts.onError }) : null;
  return { ctx, worker, stop: async () => worker?.stop() };
}
