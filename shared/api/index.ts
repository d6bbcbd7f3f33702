/**
 * The settlement server's HTTP contract: one declaration per route (method,
 * path, who may call it, zod schemas of params, query, body and answer, the
 * error codes it may answer with their details), in `api`, keyed by operationId.
 * The server attaches a handler to each (src-server/http/route.ts `implement`),
 * the OpenAPI document is generated from them (openapi.ts), and the till's
 * sync client and the staff web build their calls from them (client.ts).
 *
 * To add a route: declare it with `defineApi` in the file of its area here
 * (or a new one spread into `api` below), list in `errors` the codes its
 * handler throws beyond auth/validation/scoping, then implement it in the
 * server's route file of that area and add it to src-server/routes.ts.
 * A test fails while a declaration has no handler, or a handler no declaration.
 */
import { adminWebApi } from './admin-web';
import { buyersApi } from './buyers';
import { catalogApi } from './catalog';
import { jobsApi } from './jobs';
import { ledgerApi } from './ledger';
import { marketApi } from './market';
import { opsApi } from './ops';
import { paymentsApi } from './payments';
import { reconApi } from './recon';
import { reportsApi } from './reports';
import type { ApiRoute } from './route';
import { staffApi } from './staff';
import { stallReportApi } from './stall-report';
import { terminalApi } from './terminal';
import { terminalsApi } from './terminals';

export const api = {
  ...opsApi,
  ...terminalApi,
  ...paymentsApi,
  ...staffApi,
  ...marketApi,
  ...terminalsApi,
  ...catalogApi,
  ...buyersApi,
  ...reportsApi,
  ...stallReportApi,
  ...ledgerApi,
  ...reconApi,
  ...jobsApi,
  ...adminWebApi,
} satisfies Record<string, ApiRoute>;

export type Api = typeof api;
export const API_ROUTES: readonly ApiRoute[] = Object.values(api);
