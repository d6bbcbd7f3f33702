/** Staff side of terminals: list a stall's terminals, create one (answers its one-time pairing code), revoke one at once. */
import { z } from 'zod';
import { ADMIN_ONLY, ALL_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { int, nameSchema, stallParams, terminalParams } from './schemas';

export const TERMINAL_STATUSES = ['pending', 'active', 'revoked'] as const;
const terminalView = z.object({
  id: z.string(),
  stall_id: z.string(),
  name: z.string(),
  status: z.enum(TERMINAL_STATUSES),
  created_ms: int,
});

export const terminalsApi = {
  terminalList: defineApi({
    id: 'terminalList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/terminals',
    summary: "A stall's terminals",
    tag: 'terminals',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ terminals: z.array(terminalView) }),
  }),
  terminalCreate: defineApi({
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
    response: z.object({ terminal_id: z.string(), pairing_code: z.string(), expires_ms: int }),
  }),
  terminalRevoke: defineApi({
    id: 'terminalRevoke',
    method: 'POST',
    path: '/api/v1/admin/terminals/:terminal_id/revoke',
    summary:
      'Revoke a terminal: its next signed request is refused, and its open event stream gets `revoked` and ends',
    tag: 'terminals',
    auth: staffAuth(ADMIN_ONLY),
    params: terminalParams,
    response: terminalView,
  }),
};
