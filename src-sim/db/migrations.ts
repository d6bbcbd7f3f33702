import { M001_INIT } from './m001-init';
import { M002_PAYER_LIMITS } from './m002-payer-limits';
import { M003_JSAPI_PAYER } from './m003-jsapi-payer';
import { M004_WITHDRAWALS } from './m004-withdrawals';
import { M005_MANDATES } from './m005-mandates';
import { M006_RECON } from './m006-recon';
import { M007_PAYER_DAY_INDEX } from './m007-payer-day-index';

/** Ordered; index i brings user_version from i to i+1. Append only. */
export const MIGRATIONS: readonly string[] = [
  M001_INIT,
  M002_PAYER_LIMITS,
  M003_JSAPI_PAYER,
  M004_WITHDRAWALS,
  M005_MANDATES,
  M006_RECON,
  M007_PAYER_DAY_INDEX,
];
