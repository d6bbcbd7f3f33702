/** Every route the server serves, in one list: registered with Fastify and described in /openapi.json from the same declarations. */
import { z } from 'zod';
import { auditRoutes } from './audit/routes';
import { buyerRoutes } from './buyers/routes';
import { catalogRoutes } from './catalog/routes';
import { feeRoutes } from './fees/routes';
import { openApiDocument } from './http/openapi';
import { PUBLIC, defineRoute, type AnyRoute } from './http/route';
import { ledgerRoutes } from './ledger/routes';
import { marketRoutes } from './market/routes';
import { reconRoutes } from './recon/routes';
import { adminWebRoutes } from './admin-web/routes';
import { paymentAdminRoutes } from './payments/admin-routes';
import { notifyRoutes } from './payments/notify-route';
import { terminalPaymentRoutes } from './payments/terminal-routes';
import { reportRoutes } from './reports/routes';
import { staffRoutes } from './staff/routes';
import { terminalAdminRoutes } from './terminals/admin-routes';
import { terminalEventRoutes } from './terminals/events';
import { terminalRoutes } from './terminals/routes';
import { tillRoutes } from './tills/routes';

const healthRoute = defineRoute({
  id: 'healthz',
  method: 'GET',
  path: '/healthz',
  summary: 'Liveness and database reachability',
  tag: 'ops',
  auth: PUBLIC,
  response: z.object({ ok: z.literal(true) }),
  handler: async ({ db }) => {
    await db.selectFrom('market').select('id').limit(1).execute();
    return { ok: true as const };
  },
});

let doc: Record<string, unknown> | null = null;
const openApiRoute = defineRoute({
  id: 'openapi',
  method: 'GET',
  path: '/openapi.json',
  summary: 'This document: every route, its schemas, roles and stall scoping',
  tag: 'ops',
  auth: PUBLIC,
  response: z.record(z.string(), z.unknown()),
  handler: async () => (doc ??= openApiDocument(ROUTES)),
});

export const ROUTES: readonly AnyRoute[] = [
  healthRoute,
  openApiRoute,
  ...terminalRoutes,
  ...terminalEventRoutes,
  ...terminalPaymentRoutes,
  ...notifyRoutes,
  ...paymentAdminRoutes,
  ...staffRoutes,
  ...marketRoutes,
  ...terminalAdminRoutes,
  ...catalogRoutes,
  ...tillRoutes,
  ...buyerRoutes,
  ...feeRoutes,
  ...reportRoutes,
  ...ledgerRoutes,
  ...auditRoutes,
  ...reconRoutes,
  ...adminWebRoutes,
];
