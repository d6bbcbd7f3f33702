/** Staff side of terminals: list a stall's terminals, create one (answers its one-time pairing code), revoke one at once (its event stream too). */
import { z } from 'zod';
import { ApiError } from '../http/errors';
import { defineRoute, staffAuth } from '../http/route';
import { nameSchema, stallParams, terminalParams } from '../http/schemas';
import { ADMIN_ONLY, ALL_STAFF } from '../staff/roles';
import { terminalEvents } from './event-hub';
import { createTerminal } from './terminals';

const terminalView = z.object({ id: z.string(), stall_id: z.string(), name: z.string(), status: z.enum(['pending', 'active', 'revoked']), created_ms: z.number().int() });

export const terminalAdminRoutes = [
  defineRoute({
    id: 'terminalList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/terminals',
    summary: "A stall's terminals",
    tag: 'terminals',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ terminals: z.array(terminalView) }),
    handler: async ({ db, params }) => ({
      terminals: await db.selectFrom('terminal').select(['id', 'stall_id', 'name', 'status', 'created_ms']).where('stall_id', '=', params.stall_id).orderBy('id').execute(),
    }),
  }),
  defineRoute({
    id: 'terminalCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/terminals',
    summary: 'Create a terminal; answers a one-time pairing code valid for 15 minutes',
    tag: 'terminals',
    auth: staffAuth(ADMIN_ONLY),
    status: 201,
    params: stallParams,
    body: z.object({ name: nameSchema }),
    example: { name: '2号收银台' },
    response: z.object({ terminal_id: z.string(), pairing_code: z.string(), expires_ms: z.number().int() }),
    handler: async ({ db, params, body, now, auditTarget }) => {
      const t = await createTerminal(db, params.stall_id, body.name, now);
      auditTarget(t.terminal_id);
      return t;
    },
  }),
  defineRoute({
    id: 'terminalRevoke',
    method: 'POST',
    path: '/api/v1/admin/terminals/:terminal_id/revoke',
    summary: 'Revoke a terminal: its next signed request is refused, and its open event stream gets `revoked` and ends',
    tag: 'terminals',
    auth: staffAuth(ADMIN_ONLY),
    params: terminalParams,
    response: terminalView,
    handler: async ({ db, params }) => {
      await db.updateTable('terminal').set({ status: 'revoked' }).where('id', '=', params.terminal_id).execute();
      await db.updateTable('pairing_code').set({ used_ms: 0 }).where('terminal_id', '=', params.terminal_id).where('used_ms', 'is', null).execute();
      const t = await db.selectFrom('terminal').select(['id', 'stall_id', 'name', 'status', 'created_ms']).where('id', '=', params.terminal_id).executeTakeFirst();
      if (!t) throw new ApiError('not_found', `no terminal ${params.terminal_id}`);
      // Its open event stream is told and ended now, not at its next request.
      terminalEvents(db).revoke(t.id);
      return t;
    },
  }),
];
