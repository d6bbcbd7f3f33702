/**
 * What staff do with a difference the job could not explain. Each action is
 * recorded on the item (who, when, why) and, through the route, in the audit
 * log; money-moving ones post to the ledger.
 * - bu_dan (补单): the institution confirms the payment on query: our order is
 *   completed as the lost notification would have (ledger, split due).
 * - suspense (挂账): the difference goes to the suspense account (ledger.ts).
 * - refund: the payer gets the money back at the institution; staff record
 *   the refund reference (our refund flow belongs to the till, issue 7).
 * - explain: nothing moves; the note says why (e.g. confirmed with the stall).
 */
import type { StaffAction } from '../../shared/api/recon';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { postSuspense, signedDifference } from './ledger';
import type { ReconPorts } from './ports';
import { resolveItem } from './run';
import { rdb } from './schema';

export async function actOnItem(
  db: ServerDb,
  ports: ReconPorts | null,
  itemId: string,
  action: StaffAction,
  staffId: string,
  note: string,
  nowMs: number,
) {
  const r = rdb(db);
  const item = await r.selectFrom('recon_item').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw new ApiError('not_found', `no reconciliation item ${itemId}`);
  if (item.status !== 'open')
    throw new ApiError('conflict', `该差错已处理（${item.resolution ?? '?'}）/ already resolved`);
  let ledgerRef: string | null = null;
  switch (action) {
    case 'bu_dan': {
      if (item.record !== 'pay')
        throw new ApiError(
          'conflict',
          '补单只适用于支付记录；退款差错请挂账或说明 / 补单 applies to payments only',
        );
      if (!ports) throw new ApiError('conflict', '未配置支付机构，无法查询 / no institution configured');
      const q = await ports.queryTrade(item.sub_mchid, item.out_trade_no);
      if (q.kind !== 'ok')
        throw new ApiError(
          'conflict',
          `机构未确认该笔支付（${q.kind === 'refused' ? q.code : q.message}）/ the institution did not confirm it`,
        );
      if (q.value.trade_state !== 'SUCCESS' && q.value.trade_state !== 'REFUND')
        throw new ApiError('conflict', `机构状态为 ${q.value.trade_state}，并未支付 / not paid`);
      const done = await ports.markPaid(item.out_trade_no, q.value, nowMs);
      if (done === 'unknown_order')
        throw new ApiError(
          'conflict',
          '本地没有这笔订单，无法补单：请先挂账，再查找对应的销售 / no order of ours: post to suspense',
        );
      if (done === 'mismatch')
        throw new ApiError(
          'conflict',
          '机构金额与本地订单不符：请将差额挂账 / amounts differ: post the difference to suspense',
        );
      if (done === 'ended')
        throw new ApiError(
          'conflict',
          '本地订单已关闭、收银台已冲销该销售：请给付款人退款 / ended unpaid here: refund the payer',
        );
      ledgerRef = `payment:${item.out_trade_no}`;
      break;
    }
    case 'suspense': {
      const d = signedDifference(item);
      if (d === 0)
        throw new ApiError('conflict', '没有金额差异，请填写说明关闭 / no money differs: explain it');
      let stall = item.stall_id;
      if (stall === null)
        stall =
          (
            await r
              .selectFrom('stall')
              .select('id')
              .where('sub_mchid', '=', item.sub_mchid)
              .executeTakeFirst()
          )?.id ?? null;
      if (stall === null)
        throw new ApiError(
          'conflict',
          `没有摊位使用特约商户号 ${item.sub_mchid} / no stall has this sub-merchant`,
        );
      ledgerRef = await db.transaction().execute((trx) =>
        postSuspense(
          trx,
          {
            id: item.id,
            bill_date: item.bill_date,
            stall_id: stall,
            out_trade_no: item.out_trade_no,
            difference_fen: d,
          },
          nowMs,
        ),
      );
      break;
    }
    case 'refund':
    case 'explain':
      if (note.trim().length < 2)
        throw new ApiError(
          'bad_request',
          action === 'refund'
            ? '请填写退款单号 / give the refund number'
            : '请在备注中说明原因 / say why in the note',
        );
      break;
  }
  const resolution = action === 'explain' ? 'explained' : action;
  if (!(await resolveItem(db, itemId, { resolution, by: staffId, note, ledger_ref: ledgerRef }, nowMs)))
    throw new ApiError('conflict', `该差错刚被他人处理 / resolved meanwhile`);
  return r.selectFrom('recon_item').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
}
