/**
 * Projects journal entries into the server's tables and the ledger, inside
 * the ingest transaction. An entry the server cannot apply for a business
 * reason is stored with a flag for staff — never dropped, never retried
 * forever. Returns that flag, or null.
 */
import type { z } from 'zod';
import { entryPayloads, type EntryType } from '../../shared/journal/entries';
import type { JournalEntryWire } from '../../shared/sync/push';
import {
  projectOpenSaleVoided,
  projectRefund,
  projectTenderAdded,
  projectTenderUpdate,
  projectVoid,
} from './project-sales';
import { projectDayClose, projectShiftClosed, projectShiftOpened } from './project-shifts';
import type { Source, Trx } from './projection-source';
import { SaleBatch } from './sale-batch';

type Payload<T extends EntryType> = z.output<(typeof entryPayloads)[T]>;

/** Types the server stores but has nothing to project from (the till's own housekeeping). */
const STORED_ONLY: ReadonlySet<string> = new Set([
  'sale.parked',
  'sale.resumed',
  'cashier.signed_in',
  'cashier.signed_out',
  'price.overridden',
]);

function parse<T extends EntryType>(
  type: T,
  text: string,
): { ok: true; value: Payload<T> } | { ok: false; flag: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, flag: `unreadable ${type}: payload is not JSON` };
  }
  const r = entryPayloads[type].safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      flag: `unreadable ${type}: ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? 'invalid'}`,
    };
  return { ok: true, value: r.data as Payload<T> };
}

function isEntryType(t: string): t is EntryType {
  return Object.hasOwn(entryPayloads, t);
}

export async function projectEntry(
  trx: Trx,
  terminal: { id: string; stall_id: string },
  e: JournalEntryWire,
  nowMs: number,
): Promise<string | null> {
  if (!isEntryType(e.type)) return `unknown entry type ${e.type}`;
  if (STORED_ONLY.has(e.type)) return null;
  const src: Source = { terminal, seq: e.seq, at_ms: e.at_ms, now_ms: nowMs };
  switch (e.type) {
    case 'sale.completed': {
      // One sale on its own: a batch of one (ingest batches whole pushes).
      const b = new SaleBatch();
      await b.preload(trx, [e]);
      const flag = b.add(src, e);
      await b.flush(trx);
      return flag;
    }
    case 'tender.updated': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectTenderUpdate(trx, src, p.value) : p.flag;
    }
    case 'tender.added': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectTenderAdded(trx, src, p.value) : p.flag;
    }
    case 'open_sale.voided': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectOpenSaleVoided(trx, src, p.value) : p.flag;
    }
    case 'refund.created': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectRefund(trx, src, p.value) : p.flag;
    }
    case 'sale.voided': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectVoid(trx, src, p.value) : p.flag;
    }
    case 'shift.opened': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectShiftOpened(trx, src, p.value) : p.flag;
    }
    case 'shift.closed': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectShiftClosed(trx, src, p.value) : p.flag;
    }
    case 'day.closed': {
      const p = parse(e.type, e.payload);
      return p.ok ? projectDayClose(trx, src, p.value) : p.flag;
    }
    default:
      return `no projection for ${e.type}`;
  }
}
