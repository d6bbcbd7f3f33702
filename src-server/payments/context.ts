/**
 * The payments side of a running server: its institutions, how stalls are
 * routed to them, its timings, and the event hub its order transitions are
 * announced on. Made once at the server's start and reached through the
 * server's services (services.ts).
 */
import { api } from '../../shared/api';
import { pathOf } from '../../shared/api/client';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { codepayTiming, type CodepayTiming, type PaymentsOptions, type StallRoute } from './config';
import type { Institution } from './institution';
import { pdb } from './schema';
import type { TerminalEventHub } from '../terminals/event-hub';

export interface PaymentsContext {
  institutions: Map<string, Institution>;
  default_institution: string;
  stall_routes: Record<string, StallRoute>;
  public_url: string;
  codepay: CodepayTiming;
  recover_after_ms: number;
  split_delay_ms: number;
  split_retry_ms: number;
  split_probe_ms: number | null;
  worker_poll_ms: number;
  /** where an order's transition is announced to its terminal's open event stream (orders.ts) */
  events: TerminalEventHub;
  /** wakes the worker early (a notification or a new code-pay order has work due now) */
  wake(): void;
}

export function contextFrom(
  institutions: Institution[],
  o: PaymentsOptions,
  publicUrl: string,
  events: TerminalEventHub,
): PaymentsContext {
  const first = institutions[0];
  if (!first) throw new Error('payments need at least one institution');
  return {
    institutions: new Map(institutions.map((i) => [i.id, i])),
    default_institution: first.id,
    stall_routes: o.stall_routes ?? {},
    public_url: (o.public_url ?? publicUrl).replace(/\/+$/, ''),
    codepay: codepayTiming(o.codepay),
    recover_after_ms: o.recover_after_ms ?? 60_000,
    split_delay_ms: o.split_delay_ms ?? 31_000,
    split_retry_ms: o.split_retry_ms ?? 1_000,
    split_probe_ms: o.split_probe_ms ?? null,
    worker_poll_ms: o.worker_poll_ms ?? 500,
    events,
    wake: () => undefined,
  };
}

export interface Route {
  institution: Institution;
  sub_mchid: string;
}

/** Channel routing: which institution and sub-merchant serve a stall. */
export async function routeFor(db: ServerDb, ctx: PaymentsContext, stallId: string): Promise<Route> {
  const fixed = ctx.stall_routes[stallId];
  const stall = await pdb(db)
    .selectFrom('stall')
    .select(['sub_mchid'])
    .where('id', '=', stallId)
    .executeTakeFirst();
  const instId = fixed?.institution ?? ctx.default_institution;
  const sub = fixed?.sub_mchid ?? stall?.sub_mchid ?? null;
  const institution = ctx.institutions.get(instId);
  if (!institution || !sub)
    throw new ApiError('conflict', `stall ${stallId} has no payment channel (no sub-merchant number)`);
  return { institution, sub_mchid: sub };
}

/** Where the institution sends its notifications about our orders at `institutionId`: the route's declared path. */
export function notifyUrl(ctx: PaymentsContext, institutionId: string): string {
  return `${ctx.public_url}${pathOf(api.paymentsNotify, { institution: institutionId })}`;
}

export function institutionOf(ctx: PaymentsContext, id: string): Institution {
  const i = ctx.institutions.get(id);
  if (!i) throw new Error(`no institution ${id}`);
  return i;
}
