/** The ledger's admin API: chart, templates, balances, the invariant checks, and posting a business event. */
import { api } from '../../shared/api';
import { marketFee } from '../fees/fees';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { CHART } from './chart';
import { postEntryTx } from './post';
import { balances, secondaryClearingViolations, unbalancedEntries } from './queries';
import { TEMPLATES } from './templates';

export const ledgerRoutes = [
  implement(api.ledgerChart, async () => ({ accounts: [...CHART] })),
  implement(api.ledgerTemplates, async () => ({ templates: TEMPLATES })),
  implement(api.ledgerBalances, async ({ db, query }) => ({
    balances: await balances(db, { stall_id: query.stall_id ?? null }),
  })),
  implement(api.stallLedgerBalances, async ({ db, params }) => ({
    balances: await balances(db, { stall_id: params.stall_id }),
  })),
  implement(api.ledgerInvariants, async ({ db }) => {
    const unbalanced = await unbalancedEntries(db);
    const secondary_clearing = await secondaryClearingViolations(db);
    return { ok: unbalanced.length === 0 && secondary_clearing.length === 0, unbalanced, secondary_clearing };
  }),
  implement(api.ledgerPost, async ({ db, body, now, auditTarget }) => {
    if (
      body.stall_id &&
      !(await db.selectFrom('stall').select('id').where('id', '=', body.stall_id).executeTakeFirst())
    )
      throw new ApiError('not_found', `no stall ${body.stall_id}`);
    if (
      body.buyer_id &&
      !(await db
        .selectFrom('buyer')
        .select('id')
        .where('id', '=', body.buyer_id)
        .where('stall_id', '=', body.stall_id ?? '')
        .executeTakeFirst())
    )
      throw new ApiError('not_found', `no buyer ${body.buyer_id} at this stall`);
    const fee =
      body.fee_fen ??
      (body.txn_type === 'split' && body.stall_id
        ? await marketFee(db, body.stall_id, body.amount_fen)
        : undefined);
    const r = await postEntryTx(db, { ...body, fee_fen: fee }, now);
    auditTarget(r.entry_id);
    return r;
  }),
];
