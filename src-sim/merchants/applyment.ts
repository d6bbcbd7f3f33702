import { z } from 'zod';
import type { Sim } from '../context';
import { newApplymentId, newSubMchid } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { enqueueNotification } from '../notify/outbox';
import { SimError } from '../protocol/errors';
import { DEFAULT_FEE_RATE_BP, DEFAULT_MAX_RATIO_BP, type MerchantRow } from './store';
import { luhnOk } from '../../shared/pay/luhn';

/** How long review takes, before time compression. */
export const REVIEW_DELAY_MS = 10_000;
export const JOB_REVIEW = 'merchants.review';

const NAME = z.string().min(1).max(64);
export const ApplymentBody = z.object({
  business_code: z.string().regex(/^[0-9A-Za-z_-]{1,124}$/),
  subject_info: z.object({
    subject_type: z.string().max(32).optional(),
    business_license_info: z.object({ merchant_name: NAME, legal_person: NAME }).optional(),
    identity_info: z.object({ id_card_info: z.object({ id_card_name: NAME }) }),
  }),
  business_info: z.object({ merchant_shortname: NAME }),
  bank_account_info: z.object({
    bank_account_type: z.enum(['BANK_ACCOUNT_TYPE_PERSONAL', 'BANK_ACCOUNT_TYPE_CORPORATE']),
    account_name: NAME,
    account_bank: z.string().min(1).max(64),
    account_number: z.string().min(1).max(40),
  }),
  /** Simulator extension: where MERCHANT.ACTIVE / MERCHANT.REJECTED is sent. */
  notify_url: z.string().url().max(256).optional(),
});
export type ApplymentBody = z.infer<typeof ApplymentBody>;

/** Why review would refuse the application, or null. */
export function reviewFinding(b: ApplymentBody): string | null {
  const person = b.subject_info.identity_info.id_card_info.id_card_name;
  const bank = b.bank_account_info;
  if (bank.bank_account_type === 'BANK_ACCOUNT_TYPE_PERSONAL' && bank.account_name !== person)
    return '结算账户户名与经营者实名不一致';
  if (bank.bank_account_type === 'BANK_ACCOUNT_TYPE_CORPORATE') {
    const company = b.subject_info.business_license_info?.merchant_name;
    if (company === undefined || bank.account_name !== company) return '对公账户户名与营业执照名称不一致';
  }
  if (!luhnOk(bank.account_number)) return '结算银行卡号校验失败';
  return null;
}

export function submitApplyment(sim: Sim, signer: string, b: ApplymentBody): { applyment_id: string } {
  if (signer !== sim.id.spMchid) throw new SimError('NO_AUTH', '仅服务商可提交进件');
  const existing = sim.db
    .prepare('SELECT applyment_id FROM merchants WHERE business_code = ?')
    .get(b.business_code) as { applyment_id: string } | undefined;
  if (existing !== undefined) return existing;
  const id = newApplymentId();
  sim.db.transaction(() => {
    sim.db
      .prepare(
        `INSERT INTO merchants (sub_mchid, applyment_id, business_code, state, merchant_name, legal_name, account_name, account_bank,
      account_number, max_ratio_bp, fee_rate_bp, reject_reason, notify_url, created_at) VALUES (?, ?, ?, 'APPLYING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newSubMchid(),
        id,
        b.business_code,
        b.business_info.merchant_shortname,
        b.subject_info.identity_info.id_card_info.id_card_name,
        b.bank_account_info.account_name,
        b.bank_account_info.account_bank,
        b.bank_account_info.account_number,
        // While APPLYING, reject_reason holds the reviewer's finding; it is shown only once the decision is out.
        DEFAULT_MAX_RATIO_BP,
        DEFAULT_FEE_RATE_BP,
        reviewFinding(b),
        b.notify_url ?? null,
        sim.clock.now(),
      );
    scheduleJob(sim, JOB_REVIEW, id, REVIEW_DELAY_MS);
  })();
  return { applyment_id: id };
}

export function reviewApplyment(sim: Sim, applymentId: string): void {
  sim.db.transaction(() => {
    const m = sim.db
      .prepare(`SELECT * FROM merchants WHERE applyment_id = ? AND state = 'APPLYING'`)
      .get(applymentId) as MerchantRow | undefined;
    if (m === undefined) return;
    const finding = m.reject_reason ?? '';
    const state = finding === '' ? 'ACTIVE' : 'REJECTED';
    sim.db
      .prepare('UPDATE merchants SET state = ?, reject_reason = ?, decided_at = ? WHERE applyment_id = ?')
      .run(state, finding === '' ? null : finding, sim.clock.now(), applymentId);
    const updated = { ...m, state, reject_reason: finding === '' ? null : finding } satisfies MerchantRow;
    enqueueNotification(
      sim,
      m.notify_url,
      state === 'ACTIVE' ? 'MERCHANT.ACTIVE' : 'MERCHANT.REJECTED',
      applymentView(updated),
    );
  })();
}

const WX_STATE: Record<MerchantRow['state'], string> = {
  APPLYING: 'APPLYMENT_STATE_AUDITING',
  ACTIVE: 'APPLYMENT_STATE_FINISHED',
  REJECTED: 'APPLYMENT_STATE_REJECTED',
  FROZEN: 'APPLYMENT_STATE_FROZEN',
};

export function applymentView(m: MerchantRow): Record<string, unknown> {
  return {
    business_code: m.business_code,
    applyment_id: m.applyment_id,
    ...(m.state === 'ACTIVE' || m.state === 'FROZEN' ? { sub_mchid: m.sub_mchid } : {}),
    applyment_state: WX_STATE[m.state],
    applyment_state_msg:
      m.state === 'REJECTED'
        ? '已驳回'
        : m.state === 'ACTIVE'
          ? '已完成'
          : m.state === 'FROZEN'
            ? '已冻结'
            : '审核中',
    ...(m.state === 'REJECTED' && m.reject_reason !== null
      ? {
          audit_detail: [
            { field: 'bank_account_info', field_name: '结算账户', reject_reason: m.reject_reason },
          ],
        }
      : {}),
  };
}

/** Test control / demo: an ACTIVE sub-merchant at once, skipping review (the card still has to pass the check). */
export function createActiveMerchant(
  sim: Sim,
  o: {
    merchant_name: string;
    account_name: string;
    account_number: string;
    account_bank?: string;
    max_ratio_bp?: number;
    fee_rate_bp?: number;
  },
): MerchantRow {
  if (!luhnOk(o.account_number)) throw new SimError('PARAM_ERROR', '结算银行卡号校验失败');
  const sub = newSubMchid();
  const now = sim.clock.now();
  sim.db
    .prepare(
      `INSERT INTO merchants (sub_mchid, applyment_id, business_code, state, merchant_name, legal_name, account_name, account_bank,
    account_number, max_ratio_bp, fee_rate_bp, created_at, decided_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      sub,
      newApplymentId(),
      `SIM-${sub}`,
      o.merchant_name,
      o.account_name,
      o.account_name,
      o.account_bank ?? '工商银行',
      o.account_number,
      o.max_ratio_bp ?? DEFAULT_MAX_RATIO_BP,
      o.fee_rate_bp ?? DEFAULT_FEE_RATE_BP,
      now,
      now,
    );
  const m = sim.db.prepare('SELECT * FROM merchants WHERE sub_mchid = ?').get(sub) as MerchantRow | undefined;
  if (m === undefined) throw new Error('insert lost');
  return m;
}
