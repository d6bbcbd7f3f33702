/**
 * The domains added after orders (refunds, profit sharing, settlement,
 * bills) hook in here, so main.ts stays the process shell.
 */
import type { FastifyInstance } from 'fastify';
import type { Sim } from './context';
import type { JobRunner } from './jobs/runner';
import { registerBillRoutes } from './bill/routes';
import { registerGatewayRoutes } from './cashier/gateway-routes';
import { registerStaticCodeRoutes } from './cashier/static-routes';
import { registerMandateRoutes } from './mandates/routes';
import { JOB_DEDUCT, finishDeduction } from './mandates/service';
import { JOB_AUTO_UNFREEZE } from './profitshare/model';
import { JOB_SPLIT_FINISH, autoUnfreeze, finishSplit } from './profitshare/orders';
import { JOB_RETURN, processReturn } from './profitshare/returns';
import { registerProfitShareRoutes } from './profitshare/routes';
import { registerReconRoutes } from './recon/routes';
import { registerRefundRoutes } from './refunds/routes';
import { registerSettlementRoutes } from './settlement/routes';
import { runSettlement } from './settlement/settle';
import { JOB_WITHDRAW, finishWithdrawal } from './settlement/withdraw';
import { JOB_REFUND_FINISH, finishRefund } from './refunds/service';

export function registerDomainJobs(runner: JobRunner): void {
  runner.register(JOB_REFUND_FINISH, (sim, ref) => finishRefund(sim, ref));
  runner.register(JOB_SPLIT_FINISH, finishSplit);
  runner.register(JOB_AUTO_UNFREEZE, autoUnfreeze);
  runner.register(JOB_RETURN, processReturn);
  runner.register(JOB_WITHDRAW, finishWithdrawal);
  runner.register(JOB_DEDUCT, finishDeduction);
}

export function registerDomainRoutes(app: FastifyInstance, sim: Sim): void {
  registerRefundRoutes(app, sim);
  registerProfitShareRoutes(app, sim);
  registerSettlementRoutes(app, sim);
  registerBillRoutes(app, sim);
  registerStaticCodeRoutes(app, sim);
  registerGatewayRoutes(app, sim);
  registerMandateRoutes(app, sim);
  registerReconRoutes(app, sim);
}

/** Clock-driven work that is not a job (e.g. T+1 settlement when a day has passed). */
export function runPeriodic(sim: Sim): void {
  runSettlement(sim);
}
