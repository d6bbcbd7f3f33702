/**
 * The services of a running server, made once at its start (main.ts, or a test building the app) and
 * reached by routes through their context (`ctx.services`, http/route.ts) and by jobs through theirs
 * (jobs/worker.ts): this process's terminal event hub, the payments side when an institution is
 * configured, and the reconciliation ports over that institution. Nothing is looked up by the database
 * object.
 */
import { ApiError } from './http/errors';
import type { PaymentsContext } from './payments/context';
import type { ReconPorts } from './recon/ports';
import { TerminalEventHub } from './terminals/event-hub';

export interface ServerServices {
  /** The terminal event streams of this process (and, on PostgreSQL, the fan-out to the others). */
  events: TerminalEventHub;
  /** null when the server runs without an institution (no `--sim`). */
  payments: PaymentsContext | null;
  /** null when the server runs without an institution. */
  recon: ReconPorts | null;
}

export function createServices(parts: Partial<ServerServices> = {}): ServerServices {
  return {
    events: parts.events ?? parts.payments?.events ?? new TerminalEventHub(),
    payments: parts.payments ?? null,
    recon: parts.recon ?? null,
  };
}

/** The payments context, or the caller is told the server has none. */
export function paymentsIn(s: ServerServices): PaymentsContext {
  if (!s.payments)
    throw new ApiError('conflict', 'payments are not configured on this server (start it with --sim DIR)');
  return s.payments;
}

/** The reconciliation ports, or the caller is told the server has no institution. */
export function reconIn(s: ServerServices): ReconPorts {
  if (!s.recon) throw new ApiError('conflict', 'no institution configured (start the server with --sim DIR)');
  return s.recon;
}
