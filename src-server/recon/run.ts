/**
 * One reconciliation run for a bill day: fetch the bill, stream it through
 * the engine against our records, store the differences (a re-run never
 * queues one twice, and heals what no longer differs), store the
 * institution's per-merchant totals, then resolve the safe differences:
 * lost notification (query, mark paid), cross-midnight (re-date), refund
 * snapshot (query again); and yesterday's short-near-midnight records that
 * today's bill carries.
 */
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';
import { readBill } from './bill-stream';
import { billDateDayNo, billDateOf } from './days';
import { loadLocal } from './db-source';
import { Reconciler } from './engine';
import type { ReconPorts } from './ports';
import { rdb, type ReconItemTable, type Resolution } from './schema';

export const ITEM_INSERT_CHUNK = 200;

const itemKey = (
  date: string,
  d: { record: string; out_trade_no: string; out_refund_no: string | null },
): string => `${date}|${d.record}|${d.out_trade_no}|${d.out_refund_no ?? ''}`;

export async function resolveItem(
  db: ServerDb,
  id: string,
  r: { resolution: Resolution; by: string; note: string; ledger_ref?: string | null },
  nowMs: number,
): Promise<boolean> {
  const u = await rdb(db)
    .updateTable('recon_item')
    .set({
      status: 'resolved',
      resolution: r.resolution,
      resolved_by: r.by,
      resolved_ms: nowMs,
      note: r.note.slice(0, 500),
      ledger_ref: r.ledger_ref ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}

async function autoResolve(
  db: ServerDb,
  ports: ReconPorts,
  item: ReconItemTable,
  nowMs: number,
): Promise<boolean> {
  switch (item.suggestion) {
    case 'auto_redate':
      return resolveItem(
        db,
        item.id,
        {
          resolution: 'redated',
          by: 'auto',
          note: `日切：机构记在 ${item.bill_date}，已调账到账单日 / re-dated to the bill day`,
        },
        nowMs,
      );
    case 'auto_mark_paid': {
      const q = await ports.queryTrade(item.sub_mchid, item.out_trade_no);
      if (q.kind !== 'ok' || q.value.trade_state !== 'SUCCESS' || q.value.amount_fen !== item.inst_amount_fen)
        return false;
      const done = await ports.markPaid(item.out_trade_no, q.value, nowMs);
      if (done !== 'applied' && done !== 'already') return false;
      return resolveItem(
        db,
        item.id,
        {
          resolution: 'marked_paid',
          by: 'auto',
          note: '通知丢失：查询机构确认已支付，已补单、待分账 / lost notification: confirmed on query, marked paid',
          ledger_ref: `payment:${item.out_trade_no}`,
        },
        nowMs,
      );
    }
    case 'auto_requery_refund': {
      if (item.out_refund_no === null) return false;
      const q = await ports.queryRefund(item.sub_mchid, item.out_refund_no);
      if (q.kind !== 'ok' || q.value.amount_fen !== item.plat_amount_fen) return false;
      const same =
        (q.value.status === 'SUCCESS' && item.plat_state === 'succeeded') ||
        (q.value.status === 'PROCESSING' && item.plat_state === 'pending');
      if (!same) return false;
      return resolveItem(
        db,
        item.id,
        {
          resolution: 'requeried',
          by: 'auto',
          note: `账单中退款状态为 ${item.inst_state ?? '?'}（快照），复查机构现为 ${q.value.status}，与本地一致 / re-queried`,
        },
        nowMs,
      );
    }
    case 'bu_dan':
    case 'refund':
    case 'suspense':
    case 'await_next_bill':
      return false;
  }
}

export interface RunResult {
  run_id: string;
  state: 'done' | 'failed';
  error: string | null;
}

export async function runRecon(
  db: ServerDb,
  ports: ReconPorts,
  billDate: string,
  by: string,
  now: () => number,
  /** The job's id when run as a job: a retried attempt runs this same run again rather than adding one. */
  runId: string = fastUlid(now()),
): Promise<RunResult> {
  const r = rdb(db);
  const fresh = {
    state: 'running' as const,
    rows: 0,
    matched: 0,
    matched_fen: 0,
    differences: 0,
    auto_resolved: 0,
    sha1: null,
    error: null,
    started_ms: now(),
    finished_ms: null,
  };
  await r
    .insertInto('recon_run')
    .values({ id: runId, bill_date: billDate, started_by: by, ...fresh })
    .onConflict((oc) => oc.column('id').doUpdateSet(fresh))
    .execute();
  const fail = async (error: string): Promise<RunResult> => {
    await r
      .updateTable('recon_run')
      .set({ state: 'failed', error: error.slice(0, 500), finished_ms: now() })
      .where('id', '=', runId)
      .execute();
    return { run_id: runId, state: 'failed', error };
  };
  try {
    const bill = await ports.fetchBill(billDate);
    if (bill.kind !== 'ok')
      return await fail(bill.kind === 'refused' ? `${bill.code}: ${bill.message}` : bill.message);
    const dayNo = billDateDayNo(billDate);
    const neighbours = [billDateOf(dayNo - 1), billDateOf(dayNo + 1)];
    const redated = await r
      .selectFrom('recon_item')
      .select('out_trade_no')
      .where('bill_date', 'in', neighbours)
      .where('resolution', '=', 'redated')
      .execute();
    const { pays, refunds } = await loadLocal(db, billDate);
    const engine = new Reconciler(billDate, pays, refunds, new Set(redated.map((x) => x.out_trade_no)));
    const read = bill.value === null ? null : await readBill(bill.value.body, engine.row, bill.value.sha1);
    const out = engine.finish();
    const nowMs = now();
    const keys = new Set(out.differences.map((d) => itemKey(billDate, d)));
    await r.transaction().execute(async (trx) => {
      await trx.deleteFrom('recon_merchant_day').where('bill_date', '=', billDate).execute();
      if (out.merchants.length > 0)
        await trx
          .insertInto('recon_merchant_day')
          .values(out.merchants.map((m) => ({ bill_date: billDate, ...m })))
          .execute();
      const rows = out.differences.map((d) => ({
        id: fastUlid(nowMs),
        bill_date: billDate,
        run_id: runId,
        item_key: itemKey(billDate, d),
        ...d,
        status: 'open' as const,
        resolution: null,
        resolved_by: null,
        resolved_ms: null,
        note: null,
        ledger_ref: null,
        created_ms: nowMs,
      }));
      for (let i = 0; i < rows.length; i += ITEM_INSERT_CHUNK)
        await trx
          .insertInto('recon_item')
          .values(rows.slice(i, i + ITEM_INSERT_CHUNK))
          .onConflict((oc) => oc.column('item_key').doNothing())
          .execute();
      const stale = await trx
        .selectFrom('recon_item')
        .select(['id', 'item_key'])
        .where('bill_date', '=', billDate)
        .where('status', '=', 'open')
        .execute();
      for (const s of stale)
        if (!keys.has(s.item_key))
          await trx
            .updateTable('recon_item')
            .set({
              status: 'resolved',
              resolution: 'healed',
              resolved_by: 'auto',
              resolved_ms: nowMs,
              note: '重新对账后已无差异 / no longer differs on re-run',
            })
            .where('id', '=', s.id)
            .execute();
    });
    let auto = 0;
    const open = await r
      .selectFrom('recon_item')
      .selectAll()
      .where('bill_date', '=', billDate)
      .where('status', '=', 'open')
      .where('suggestion', 'in', ['auto_mark_paid', 'auto_redate', 'auto_requery_refund'])
      .execute();
    for (const item of open) if (await autoResolve(db, ports, item, now())) auto++;
    // Yesterday's "short, paid just before midnight" that this bill carries as cross-midnight: healed.
    const crossed = out.differences.filter((d) => d.kind === 'cross_midnight').map((d) => d.out_trade_no);
    if (crossed.length > 0) {
      await r
        .updateTable('recon_item')
        .set({
          status: 'resolved',
          resolution: 'healed',
          resolved_by: 'auto',
          resolved_ms: now(),
          note: `日切：已出现在机构 ${billDate} 的账单中 / in the next bill`,
        })
        .where('bill_date', 'in', neighbours)
        .where('kind', '=', 'short')
        .where('status', '=', 'open')
        .where('out_trade_no', 'in', crossed)
        .execute();
    }
    await r
      .updateTable('recon_run')
      .set({
        state: 'done',
        rows: out.rows,
        matched: out.matched,
        matched_fen: out.matched_fen,
        differences: out.differences.length,
        auto_resolved: auto,
        sha1: read?.sha1 ?? null,
        finished_ms: now(),
      })
      .where('id', '=', runId)
      .execute();
    return { run_id: runId, state: 'done', error: null };
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

/** A day is reconciled when its last run is done and nothing of it is left unexplained. */
export async function dayStatus(db: ServerDb, billDate: string) {
  const r = rdb(db);
  const run = await r
    .selectFrom('recon_run')
    .selectAll()
    .where('bill_date', '=', billDate)
    .orderBy('started_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  const counts = await r
    .selectFrom('recon_item')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bill_date', '=', billDate)
    .groupBy('status')
    .execute();
  const open = Number(counts.find((c) => c.status === 'open')?.n ?? 0);
  const resolved = Number(counts.find((c) => c.status === 'resolved')?.n ?? 0);
  return {
    bill_date: billDate,
    run: run ?? null,
    open,
    resolved,
    reconciled: run?.state === 'done' && open === 0,
  };
}
