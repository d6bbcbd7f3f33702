import type { SimDb } from '../db/open';
import type { Sim } from '../context';
import { SimError } from '../protocol/errors';

/** Sub-merchant (特约商户) as stored; mirrors the `merchants` table. */
export interface MerchantRow {
  sub_mchid: string;
  applyment_id: string;
  business_code: string;
  /** APPLYING: under review; ACTIVE: may trade; REJECTED: real name or card check failed; FROZEN: blocked by risk control. */
  state: 'APPLYING' | 'ACTIVE' | 'REJECTED' | 'FROZEN';
  merchant_name: string;
  legal_name: string;
  account_name: string;
  account_bank: string;
  account_number: string;
  max_ratio_bp: number;
  fee_rate_bp: number;
  reject_reason: string | null;
  notify_url: string | null;
  created_at: number;
  decided_at: number | null;
}

/** WeChat's default ceiling for splitting to other parties: 30 % of the order. */
export const DEFAULT_MAX_RATIO_BP = 3000;
/** The channel fee the institution keeps, in 1/10000 of the amount (0.60 %, WeChat's standard rate). */
export const DEFAULT_FEE_RATE_BP = 60;

export function getMerchant(db: SimDb, subMchid: string): MerchantRow | undefined {
  return db.prepare('SELECT * FROM merchants WHERE sub_mchid = ?').get(subMchid) as MerchantRow | undefined;
}

/** The partner-mode gate: the caller signed as the service provider, and the sub-merchant exists and may trade. */
export function requirePartner(sim: Sim, signer: string, spMchid: string, subMchid: string): MerchantRow {
  if (signer !== spMchid || spMchid !== sim.id.spMchid)
    throw new SimError('NO_AUTH', 'sp_mchid 与签名商户号不一致或无权限');
  const m = getMerchant(sim.db, subMchid);
  if (m === undefined || m.state !== 'ACTIVE') throw new SimError('NO_AUTH', '特约商户不存在或未开通');
  return m;
}
