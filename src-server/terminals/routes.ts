/** The terminal API: enrolment with a pairing code (public), then signed config pull and journal push. */
import { api } from '../../shared/api';
import { implement, must } from '../http/route';
import { ingestBatch } from '../sync/ingest';
import { enrolTerminal, markConfigured } from './enrolment';
import { terminalConfig } from './terminals';

export const terminalRoutes = [
  implement(api.terminalEnrol, async ({ db, body, now, ip }) => ({
    terminal_id: await enrolTerminal(db, body.pairing_code, body.public_key_pem, now, ip),
  })),
  implement(api.terminalConfig, async ({ db, terminal, now }) => {
    const { id } = must(terminal, 'terminal');
    const config = await terminalConfig(db, id);
    await markConfigured(db, id, now);
    return config;
  }),
  implement(api.terminalJournalPush, async ({ db, body, terminal, now }) =>
    ingestBatch(db, must(terminal, 'terminal'), body.entries, now),
  ),
];
