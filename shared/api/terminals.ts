/**
 * Staff side of terminals: list a stall's terminals with where each enrolment got to, create one (answers
 * its one-time pairing code), cancel a half-done enrolment, revoke one at once.
 */
import { z } from 'zod';
import { ADMIN_ONLY, ALL_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { int, nameSchema, stallParams, terminalParams } from './schemas';

export const TERMINAL_STATUSES = ['pending', 'active', 'revoked'] as const;
/** What a half-done enrolment (待完成) waits for: its pairing code to be used, or its first configuration pull. */
export const ENROLMENT_STEPS = ['code', 'config'] as const;
const terminalView = z.object({
  id: z.string(),
  stall_id: z.string(),
  name: z.string(),
  status: z.enum(TERMINAL_STATUSES),
  created_ms: int,
  /** null once the terminal pulled its configuration (or was revoked) */
  pending_step: z.enum(ENROLMENT_STEPS).nullable(),
  /** when its pairing code expires (or expired) */
  code_expires_ms: int.nullable(),
  /** when and from which address its pairing code was used */
  enrolled_ms: int.nullable(),
  enrolled_from: z.string().nullable(),
  /** its first configuration pull */
  configured_ms: int.nullable(),
});
export type TerminalView = z.output<typeof terminalView>;

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
  terminalEnrolCancel: defineApi({
    id: 'terminalEnrolCancel',
    method: 'POST',
    path: '/api/v1/admin/terminals/:terminal_id/cancel-enrolment',
    summary:
      'Cancel a half-done enrolment (code outstanding, or used but no configuration pulled): the terminal and any key it registered are revoked, its code dead; a terminal that finished enrolling is refused (revoke it instead)',
    tag: 'terminals',
    auth: staffAuth(ADMIN_ONLY),
    params: terminalParams,
    response: terminalView,
    errors: ['not_found', 'conflict'],
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
