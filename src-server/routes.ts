/**
 * Every route the server serves, in one list: each a handler attached to its
 * shared declaration (shared/api). `/openapi.json` is generated from the
 * declarations; registering refuses a declaration without a handler or a
 * handler twice.
 */
import { api, API_ROUTES } from '../shared/api';
import { openApiDocument } from '../shared/api/openapi';
import { auditRoutes } from './audit/routes';
import { buyerRoutes } from './buyers/routes';
import { catalogRoutes } from './catalog/routes';
import { feeRoutes } from './fees/routes';
import { implement, type ServerRoute } from './http/route';
import { jobRoutes } from './jobs/view';
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

let doc: Record<string, unknown> | null = null;

const opsRoutes = [
  implement(api.healthz, async ({ db }) => {
    await db.selectFrom('market').select('id').limit(1).execute();
    return { ok: true as const };
  }),
  implement(api.openapi, async () => (doc ??= openApiDocument(API_ROUTES))),
];

export const ROUTES: readonly ServerRoute[] = [
  ...opsRoutes,
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
  ...jobRoutes,
  ...feeRoutes,
  ...reportRoutes,
  ...ledgerRoutes,
  ...auditRoutes,
  ...reconRoutes,
  ...adminWebRoutes,
];
