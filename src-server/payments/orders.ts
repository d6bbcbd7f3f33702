/**
 * The payment order's state machine on the server (DESIGN.md "Payments"):
 * created → paying → succeeded | failed | closed | reversed. Each transition
 * is one database transaction that also appends the terminal's payment
 * update (what the till pulls) and, for success, the ledger entry; a
 * transition that already happened changes nothing. After the commit the
 * terminal's open event stream is told to pull.
 */
import { businessDay, DEFAULT_TIME_ZONE } from '../../shared/time';
import type { ServerDb } from '../db/database';
import { postEntry } from '../ledger/post';
import type { TerminalEventHub } from '../terminals/event-hub';
import { pdb, type OrderKind, type OrderState, type PaymentsDb } from './schema';

/** One institution order per sale tender, whoever asks and however often: the number is derived from the tender. */
export function outTradeNo(kind: OrderKind, saleId: string, tenderNo: number): string {
  return `${ORDER_PREFIX[kind]}${saleId}${String(tenderNo).padStart(2, '0')}`;
}
const ORDER_PREFIX: Readonly<Record<OrderKind, string>> = { qr: 'Q', code: 'C', gateway: 'G' };

export async function businessDayOf(db: ServerDb, stallId: string, atMs: number): Promise<string> {
  const m = await pdb(db)
    .selectFrom('stall as s')
    .innerJoin('market as m', 'm.id', 's.market_id')
    .select(['m.time_zone', 'm.day_cutoff_hour'])
    .where('s.id', '=', stallId)
    .executeTakeFirst();
  return businessDay(atMs, m?.time_zone ?? DEFAULT_TIME_ZONE, m?.day_cutoff_hour ?? 0);
}

export async function getOrder(db: PaymentsDb, outNo: string) {
  return db.selectFrom('payment_order').selectAll().where('out_trade_no', '=', outNo).executeTakeFirst();
}
export type Order = NonNullable<Awaited<ReturnType<typeof getOrder>>>;

type Appended = { terminal_id: string; seq: number };

async function appendEvent(
  trx: PaymentsDb,
  o: Order,
  status: 'paid' | 'failed',
  state: OrderState,
  ref: string | null,
  nowMs: number,
  appended: Appended[],
): Promise<void> {
  const last = await trx
    .selectFrom('payment_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('terminal_id', '=', o.terminal_id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto('payment_event')
    .values({
      terminal_id: o.terminal_id,
      seq,
      out_trade_no: o.out_trade_no,
      sale_id: o.sale_id,
      tender_no: o.tender_no,
      status,
      state,
      external_ref: ref,
      amount_fen: o.amount_fen,
      at_ms: nowMs,
    })
    .execute();
  appended.push({ terminal_id: o.terminal_id, seq });
}

/** After the commit (never before: the till would pull and not find it), the terminal's open event stream is told to pull. */
function announce(events: TerminalEventHub, appended: readonly Appended[]): void {
  for (const a of appended) events.toTerminal(a.terminal_id, { type: 'payment', seq: a.seq });
}

/** What a transition needs of the payments context: where to announce it, and when a paid order's split is due. */
export type OrderSinks = { events: TerminalEventHub; split_delay_ms: number };

export type PaidOutcome = 'applied' | 'already' | 'mismatch' | 'unknown_order' | 'ended';

/**
 * The institution says the order is paid. Checked against our order (amount) before anything changes.
 * `record` runs in the same transaction with the outcome, so a log of what was done about the news
 * (the notification route's) commits with it.
 */
export async function applyPaid(
  db: ServerDb,
  sinks: OrderSinks,
  outNo: string,
  tx: { transaction_id: string | null; amount_fen: number; channel: string | null },
  nowMs: number,
  record?: (t: ServerDb, outcome: PaidOutcome) => Promise<void>,
): Promise<PaidOutcome> {
  const appended: Appended[] = [];
  const outcome = await db.transaction().execute(async (t): Promise<PaidOutcome> => {
    const out = await paidIn(t, outNo, tx, nowMs, sinks.split_delay_ms, appended);
    await record?.(t, out);
    return out;
  });
  announce(sinks.events, appended);
  return outcome;
}

async function paidIn(
  t: ServerDb,
  outNo: string,
  tx: { transaction_id: string | null; amount_fen: number; channel: string | null },
  nowMs: number,
  splitDelayMs: number,
  appended: Appended[],
): Promise<PaidOutcome> {
  const trx = pdb(t);
  const o = await getOrder(trx, outNo);
  if (!o) return 'unknown_order';
  if (tx.amount_fen !== o.amount_fen) return 'mismatch';
  if (o.state === 'succeeded') return 'already';
  if (o.state !== 'created' && o.state !== 'paying') return 'ended';
  const r = await trx
    .updateTable('payment_order')
    .set({
      state: 'succeeded',
      transaction_id: tx.transaction_id,
      channel: tx.channel,
      paid_ms: nowMs,
      updated_ms: nowMs,
      split_state: 'due',
      next_check_ms: nowMs + splitDelayMs,
      lease_until_ms: null,
      check_attempts: 0,
      last_error: null,
    })
    .where('out_trade_no', '=', outNo)
    .where('state', 'in', ['created', 'paying'])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return 'already';
  await appendEvent(trx, o, 'paid', 'succeeded', tx.transaction_id, nowMs, appended);
  await postEntry(
    t,
    {
      idem_key: `payment:${outNo}`,
      txn_type: 'payment_success',
      business_day: o.business_day,
      stall_id: o.stall_id,
      amount_fen: o.amount_fen,
      ref: tx.transaction_id ?? outNo,
    },
    nowMs,
  );
  return 'applied';
}

/** The order ended unpaid. The till's tender turns failed (its journal books the reversal of the sale). */
export async function applyEnded(
  db: ServerDb,
  sinks: Pick<OrderSinks, 'events'>,
  outNo: string,
  state: 'failed' | 'closed' | 'reversed',
  reason: string,
  nowMs: number,
): Promise<boolean> {
  const appended: Appended[] = [];
  const ended = await db.transaction().execute(async (t) => {
    const trx = pdb(t);
    const o = await getOrder(trx, outNo);
    if (!o || (o.state !== 'created' && o.state !== 'paying')) return false;
    await trx
      .updateTable('payment_order')
      .set({
        state,
        updated_ms: nowMs,
        next_check_ms: null,
        lease_until_ms: null,
        last_error: reason.slice(0, 500),
      })
      .where('out_trade_no', '=', outNo)
      .execute();
    await appendEvent(trx, o, 'failed', state, null, nowMs, appended);
    return true;
  });
  announce(sinks.events, appended);
  return ended;
}

/**
 * Schedules the next look at an order (and gives up this worker's lease). `failed` counts the look as a
 * failed attempt (what back-off and give-up limits count); a planned wait (the institution's clock, a refund
 * under way) does not.
 */
export async function scheduleCheck(
  db: ServerDb,
  outNo: string,
  atMs: number | null,
  nowMs: number,
  error: string | null = null,
  failed = true,
): Promise<void> {
  await pdb(db)
    .updateTable('payment_order')
    .set((eb) => ({
      next_check_ms: atMs,
      lease_until_ms: null,
      updated_ms: nowMs,
      check_attempts: failed ? eb('check_attempts', '+', 1) : eb.ref('check_attempts'),
      ...(error !== null ? { last_error: error.slice(0, 500) } : {}),
    }))
    .where('out_trade_no', '=', outNo)
    .execute();
}
