/**
 * The audit log of staff actions: who did what to which target, when, from
 * where. Append-only (triggers in migration 002). Secrets never enter it.
 */
import { fastUlid } from '../db/ids';
import type { ServerDb } from '../db/database';

const SECRET_KEYS = new Set(['password', 'new_password', 'pairing_code', 'csrf_token']);
const MAX_DETAIL_CHARS = 4000;

export interface AuditRecord {
  staffId: string | null;
  action: string;
  target: string | null;
  detail: unknown;
  ip: string;
}

function redact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redact);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_KEYS.has(k) ? '***' : redact(x)]));
  return v;
}

export async function audit(db: ServerDb, rec: AuditRecord, nowMs: number): Promise<void> {
  const detail = JSON.stringify(redact(rec.detail ?? null)).slice(0, MAX_DETAIL_CHARS);
  await db
    .insertInto('audit_log')
    .values({
      id: fastUlid(nowMs),
      at_ms: nowMs,
      staff_id: rec.staffId,
      action: rec.action,
      target: rec.target,
      detail,
      ip: rec.ip,
    })
    .execute();
}
