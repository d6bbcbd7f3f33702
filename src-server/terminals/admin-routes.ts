/**
 * Staff side of terminals: list a stall's terminals (half-done enrolments with when and from where),
 * create one (answers its one-time pairing code), cancel a half-done enrolment, revoke one at once
 * (its event stream too).
 */
import { api } from '../../shared/api';
import { implement } from '../http/route';
import { cancelEnrolment, revokeTerminal, terminalViews } from './enrolment';
import { createTerminal } from './terminals';

export const terminalAdminRoutes = [
  implement(api.terminalList, async ({ db, params }) => ({
    terminals: await terminalViews(db, { stall_id: params.stall_id }),
  })),
  implement(api.terminalCreate, async ({ db, params, body, now, auditTarget }) => {
    const t = await createTerminal(db, params.stall_id, body.name, now);
    auditTarget(t.terminal_id);
    return t;
  }),
  implement(api.terminalEnrolCancel, async ({ db, services, params, now, auditTarget }) => {
    auditTarget(params.terminal_id);
    const t = await cancelEnrolment(db, params.terminal_id, now);
    services.events.revoke(t.id);
    return t;
  }),
  implement(api.terminalRevoke, async ({ db, services, params, auditTarget }) => {
    auditTarget(params.terminal_id);
    const t = await revokeTerminal(db, params.terminal_id);
    // Its open event stream is told and ended now, not at its next request.
    services.events.revoke(t.id);
    return t;
  }),
];
