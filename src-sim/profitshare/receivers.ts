import { z } from 'zod';
import type { Sim } from '../context';
import { getMerchant, requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';

export const RELATION_TYPES = [
  'SERVICE_PROVIDER',
  'STORE',
  'STAFF',
  'STORE_OWNER',
  'PARTNER',
  'HEADQUARTER',
  'BRAND',
  'DISTRIBUTOR',
  'USER',
  'SUPPLIER',
  'CUSTOM',
] as const;

export const AddReceiverBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  appid: z.string().max(32).optional(),
  type: z.enum(['MERCHANT_ID', 'PERSONAL_OPENID', 'PERSONAL_SUB_OPENID']),
  account: z.string().min(1).max(64),
  name: z.string().max(1024).optional(),
  relation_type: z.enum(RELATION_TYPES),
  custom_relation: z.string().max(10).optional(),
});
export type AddReceiverBody = z.infer<typeof AddReceiverBody>;

/** The merchant number's registered name, for the name check WeChat does on MERCHANT_ID receivers. */
function merchantName(sim: Sim, mchid: string): string | undefined {
  if (mchid === sim.id.spMchid) return undefined;
  return getMerchant(sim.db, mchid)?.merchant_name;
}

export function addReceiver(sim: Sim, signer: string, b: AddReceiverBody): Record<string, unknown> {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  if (b.type !== 'MERCHANT_ID') throw new SimError('INVALID_REQUEST', '本机构仅支持商户号作为分账接收方');
  if (b.relation_type === 'CUSTOM' && (b.custom_relation ?? '') === '')
    throw new SimError('PARAM_ERROR', 'relation_type 为 CUSTOM 时须填写 custom_relation');
  if (b.account === b.sub_mchid) throw new SimError('INVALID_REQUEST', '不能添加分账方自己为接收方');
  const known = b.account === sim.id.spMchid || getMerchant(sim.db, b.account)?.state === 'ACTIVE';
  if (!known) throw new SimError('INVALID_REQUEST', '分账接收方商户号不存在或未开通');
  const name = merchantName(sim, b.account);
  if (b.name !== undefined && name !== undefined && b.name !== name)
    throw new SimError('INVALID_REQUEST', '分账接收方全称与商户号不匹配');
  sim.db
    .prepare(
      `INSERT INTO receivers (sub_mchid, type, account, name, relation_type, custom_relation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(sub_mchid, type, account) DO UPDATE SET relation_type = excluded.relation_type, custom_relation = excluded.custom_relation`,
    )
    .run(
      b.sub_mchid,
      b.type,
      b.account,
      b.name ?? null,
      b.relation_type,
      b.custom_relation ?? null,
      sim.clock.now(),
    );
  return {
    sub_mchid: b.sub_mchid,
    type: b.type,
    account: b.account,
    relation_type: b.relation_type,
    ...(b.custom_relation !== undefined ? { custom_relation: b.custom_relation } : {}),
  };
}

export function deleteReceiver(
  sim: Sim,
  signer: string,
  b: { sub_mchid: string; type: string; account: string },
): Record<string, unknown> {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  sim.db
    .prepare('DELETE FROM receivers WHERE sub_mchid = ? AND type = ? AND account = ?')
    .run(b.sub_mchid, b.type, b.account);
  return { sub_mchid: b.sub_mchid, type: b.type, account: b.account };
}

export function isReceiver(sim: Sim, subMchid: string, type: string, account: string): boolean {
  return (
    sim.db
      .prepare('SELECT 1 FROM receivers WHERE sub_mchid = ? AND type = ? AND account = ?')
      .get(subMchid, type, account) !== undefined
  );
}
