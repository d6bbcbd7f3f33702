/** Staff side of terminals: list a stall's terminals, create one (answers its one-time pairing code), revoke one at once (its event stream too). */
import { api } from '../../shared/api';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { createTerminal } from './terminals';

export const terminalAdminRoutes = [
  implement(api.terminalList, async ({ db, params }) => ({
    terminals: await db
      .selectFrom('terminal')
      .select(['id', 'stall_id', 'name', 'status', 'created_ms'])
      .where('stall_id', '=', params.stall_id)
      .orderBy('id')
      .execute(),
  })),
  implement(api.terminalCreate, async ({ db, params, body, now, auditTarget }) => {
    const t = await createTerminal(db, params.stall_id, body.name, now);
    auditTarget(t.terminal_id);
    return t;
  }),
  implement(api.terminalRevoke, async ({ db, services, params }) => {
    await db
      .updateTable('terminal')
      .set({ status: 'revoked' })
      .where('id', '=', params.terminal_id)
      .execute();
    await db
      .updateTable('pairing_code')
      .set({ used_ms: 0 })
      .where('terminal_id', '=', params.terminal_id)
      .where('used_ms', 'is', null)
      .execute();
    const t = await db
      .selectFrom('terminal')
      .select(['id', 'stall_id', 'name', 'status', 'created_ms'])
      .where('id', '=', params.terminal_id)
      .executeTakeFirst();
    if (!t) throw new ApiError('not_found', `no terminal ${params.terminal_id}`);
    // Its open event stream is told and ended now, not at its next request.
    services.events.revoke(t.id);
    return t;
  }),
];
