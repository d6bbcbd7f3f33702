/** The terminal API: enrolment with a pairing code (public), then signed config pull and journal push. */
import { api } from '../../shared/api';
import { implement, must } from '../http/route';
import { ingestBatch } from '../sync/ingest';
import { enrolTerminal, terminalConfig } from './terminals';

export const terminalRoutes = [
  implement(api.terminalEnrol, async ({ db, body, now }) => ({
    terminal_id: await enrolTerminal(db, body.pairing_code, body.public_key_pem, now),
  })),
  implement(api.terminalConfig, async ({ db, terminal }) =>
    terminalConfig(db, must(terminal, 'terminal').id),
  ),
  implement(api.terminalJournalPush, async ({ db, body, terminal, now }) =>
    ingestBatch(db, must(terminal, 'terminal'), body.entries, now),
  ),
];
