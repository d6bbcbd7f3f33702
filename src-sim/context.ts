import type { Clock } from './clock';
import type { Faults } from './control/faults';
import type { SimDb } from './db/open';
import type { Identity } from './protocol/keys';

/** Everything a domain module needs; built once per process in main.ts. */
export interface Sim {
  db: SimDb;
  clock: Clock;
  id: Identity;
  dataDir: string;
  /** Compresses every asynchronous delay (notification retries, refund and split processing, onboarding review). */
  timeScale: number;
  testControl: boolean;
  faults: Faults;
  baseUrl(): string;
  /** Nudges the job runner after something became due. */
  wake(): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
}

/** A delay of `ms` simulated milliseconds, compressed by the time scale (never below 1 ms). */
export function scaled(sim: Pick<Sim, 'timeScale'>, ms: number): number {
  return Math.max(1, Math.round(ms / sim.timeScale));
}
