/** Reading the audit log (admin) and the sync flags raised by terminals' journals (market staff). */
import { api } from '../../shared/api';
import { implement } from '../http/route';

export const auditRoutes = [
  implement(api.auditList, async ({ db, query }) => ({
    entries: await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit).execute(),
  })),
  implement(api.syncFlags, async ({ db, query }) => ({
    refused: await db.selectFrom('sync_flag').selectAll().orderBy('id', 'desc').limit(query.limit).execute(),
    flagged: (
      await db
        .selectFrom('journal_entry')
        .select(['terminal_id', 'seq', 'type', 'flag'])
        .where('flag', 'is not', null)
        .orderBy('received_ms', 'desc')
        .limit(query.limit)
        .execute()
    ).map((r) => ({ ...r, flag: r.flag ?? '' })),
  })),
];
