/** The terminal API: enrolment with a pairing code (public), then signed config pull and journal push. */
import { enrolRequestSchema, enrolResponseSchema, terminalConfigSchema } from '../../shared/sync/config';
import { pushRequestSchema, pushResponseSchema } from '../../shared/sync/push';
import { PUBLIC, TERMINAL, defineRoute, must } from '../http/route';
import { ingestBatch } from '../sync/ingest';
import { enrolTerminal, terminalConfig } from './terminals';

export const terminalRoutes = [
  defineRoute({
    id: 'terminalEnrol',
    method: 'POST',
    path: '/api/v1/terminals/enrol',
    summary: 'Enrol a terminal with a one-time pairing code and its Ed25519 public key',
    tag: 'terminal',
    auth: PUBLIC,
    body: enrolRequestSchema,
    response: enrolResponseSchema,
    handler: async ({ db, body, now }) => ({ terminal_id: await enrolTerminal(db, body.pairing_code, body.public_key_pem, now) }),
  }),
  defineRoute({
    id: 'terminalConfig',
    method: 'GET',
    path: '/api/v1/terminal/config',
    summary: "The signed terminal's configuration: stall, market day rules, catalog",
    tag: 'terminal',
    auth: TERMINAL,
    response: terminalConfigSchema,
    handler: async ({ db, terminal }) => terminalConfig(db, must(terminal, 'terminal').id),
  }),
  defineRoute({
    id: 'terminalJournalPush',
    method: 'POST',
    path: '/api/v1/terminal/journal',
    summary: 'Push journal entries in seq order; answers the highest contiguous seq stored',
    tag: 'terminal',
    auth: TERMINAL,
    body: pushRequestSchema,
    response: pushResponseSchema,
    handler: async ({ db, body, terminal, now }) => ingestBatch(db, must(terminal, 'terminal'), body.entries, now),
  }),
];
