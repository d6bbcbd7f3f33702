/**
 * Completed sales are the bulk of every push, so they are projected in bulk:
 * the batch's sale ids and receipt numbers are checked against the database
 * in one query (each payload parsed once, there), each sale is validated and
 * turned into rows (sale, lines, tenders, ledger entry per tender) in memory,
 * and the rows are written with multi-row inserts every CHUNK_ROWS sales.
 * Anything else in the push flushes the buffer first, so every projection
 * sees the sales before it.
 */
import type { z } from 'zod';
import { entryPayloads } from '../../shared/journal/entries';
import type { JournalEntryWire } from '../../shared/sync/push';
import { CHUNK_ROWS, insertChunked } from '../db/bulk';
import type { ServerDb } from '../db/database';
import type { Insertable } from 'kysely';
import type { ServerSchema } from '../db/schema';
import { entryRows } from '../ledger/post';
import { saleTxnFor } from './tender-kinds';
import { isStanding } from '../../shared/sales/outcome';

type Sale = z.output<(typeof entryPayloads)['sale.completed']>;
type Rows<T extends keyof ServerSchema> = Insertable<ServerSchema[T]>[];
const LOOKUP_CHUNK = 512;

/** Validation of a sale against itself; a message is the flag to store. Pure. */
export function checkSale(s: Sale): string | null {
  const discounts = s.line_discount_fen + s.sale_discount_fen;
  const expected = s.lines.reduce((a, l) => a + l.amount_fen, 0) - discounts + s.rounding_fen;
  if (expected !== s.total_fen)
    return `sale total ${s.total_fen} differs from its lines, discounts and rounding (${expected})`;
  const tendersSum = s.tenders.reduce((a, t) => a + t.amount_fen, 0);
  if (tendersSum !== s.total_fen) return `sale total ${s.total_fen} differs from its tenders ${tendersSum}`;
  if (s.tenders.some((t) => t.kind === 'account' && !t.buyer_id)) return 'on-account tender without a buyer';
  return null;
}

/** A payload that is not JSON: stored, flagged, never projected. */
const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function saleKeys(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return [(raw as { sale_id?: unknown }).sale_id, (raw as { receipt_no?: unknown }).receipt_no].filter(
    (v): v is string => typeof v === 'string',
  );
}

export class SaleBatch {
  private readonly known = new Set<string>();
  /** Each sale's payload is parsed once, by preload, and read back by add. */
  private readonly parsed = new Map<JournalEntryWire, unknown>();
  private sales: Rows<'sale'> = [];
  private lines: Rows<'sale_line'> = [];
  private tenders: Rows<'sale_tender'> = [];
  private entries: Rows<'ledger_entry'> = [];
  private postings: Rows<'ledger_posting'> = [];
  private accounts = new Map<string, Insertable<ServerSchema['ledger_account']>>();

  /** Loads which of the batch's sale ids and receipt numbers the server already holds, in one query per chunk. */
  async preload(db: ServerDb, entries: readonly JournalEntryWire[]): Promise<void> {
    const keys = new Set<string>();
    for (const e of entries) {
      if (e.type !== 'sale.completed') continue;
      const raw = parseJson(e.payload);
      this.parsed.set(e, raw);
      for (const k of saleKeys(raw)) keys.add(k);
    }
    await this.loadKnown(db, [...keys]);
  }

  private async loadKnown(db: ServerDb, keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
      const chunk = keys.slice(i, i + LOOKUP_CHUNK);
      // Padded to a power of two with a repeated key, so a few SQL texts serve every batch size (prepared once).
      const first = chunk[0] ?? '';
      while (chunk.length & (chunk.length - 1)) chunk.push(first);
      const rows = await db
        .selectFrom('sale')
        .select(['id', 'receipt_no'])
        .where((eb) => eb.or([eb('id', 'in', chunk), eb('receipt_no', 'in', chunk)]))
        .execute();
      for (const r of rows) this.known.add(`id:${r.id}`).add(`rc:${r.receipt_no}`);
    }
  }

  /**
   * Enough sales buffered for one full multi-row statement per table: flushing now keeps
   * the rows short-lived (a whole batch held until the end made the collector copy them).
   */
  get full(): boolean {
    return this.sales.length >= CHUNK_ROWS;
  }

  /** Validates and buffers one sale; answers its flag, or null when it will be projected. */
  add(
    src: { terminal: { id: string; stall_id: string }; now_ms: number },
    e: JournalEntryWire,
  ): string | null {
    const raw = this.parsed.has(e) ? this.parsed.get(e) : parseJson(e.payload);
    this.parsed.delete(e);
    if (raw === NOT_JSON) return 'unreadable sale.completed: payload is not JSON';
    const r = entryPayloads['sale.completed'].safeParse(raw);
    if (!r.success)
      return `unreadable sale.completed: ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? 'invalid'}`;
    const s = r.data;
    const bad = checkSale(s);
    if (bad) return bad;
    if (this.known.has(`id:${s.sale_id}`) || this.known.has(`rc:${s.receipt_no}`))
      return `sale ${s.sale_id} (${s.receipt_no}) is already recorded`;
    this.known.add(`id:${s.sale_id}`).add(`rc:${s.receipt_no}`);
    const stall = src.terminal.stall_id;
    const discounts = s.line_discount_fen + s.sale_discount_fen;
    this.sales.push({
      id: s.sale_id,
      terminal_id: src.terminal.id,
      stall_id: stall,
      receipt_no: s.receipt_no,
      business_day: s.business_day,
      total_fen: s.total_fen,
      cashier: s.cashier,
      at_ms: s.at_ms,
      received_ms: src.now_ms,
      status: s.status,
      discount_fen: discounts,
      rounding_fen: s.rounding_fen,
      shift_id: s.shift_id ?? null,
    });
    for (const l of s.lines)
      this.lines.push({
        sale_id: s.sale_id,
        line_no: l.line_no,
        product_id: l.product_id,
        name: l.name,
        unit: l.unit,
        quantity: l.quantity,
        unit_price_fen: l.unit_price_fen,
        amount_fen: l.amount_fen,
      });
    for (const t of s.tenders) {
      this.tenders.push({
        sale_id: s.sale_id,
        tender_no: t.tender_no,
        kind: t.kind,
        amount_fen: t.amount_fen,
        tendered_fen: t.tendered_fen,
        change_fen: t.change_fen,
        status: t.status,
        buyer_id: t.buyer_id,
        external_ref: null,
        wallet: null,
        reason: null,
      });
      if (t.amount_fen <= 0 || !isStanding(t.status)) continue;
      const txn = saleTxnFor(t.kind);
      const rows = entryRows(
        {
          idem_key: `sale:${s.sale_id}:${t.tender_no}`,
          txn_type: txn,
          business_day: s.business_day,
          stall_id: stall,
          buyer_id: txn === 'sale_credit' ? t.buyer_id : null,
          amount_fen: t.amount_fen,
          ref: s.receipt_no,
        },
        src.now_ms,
      );
      this.entries.push(rows.entry);
      this.postings.push(...rows.postings);
      for (const a of rows.accounts) this.accounts.set(a.id, a);
    }
    return null;
  }

  async flush(db: ServerDb): Promise<void> {
    if (this.sales.length === 0) return;
    await insertChunked(db, 'sale', this.sales);
    await insertChunked(db, 'sale_line', this.lines);
    await insertChunked(db, 'sale_tender', this.tenders);
    await insertChunked(db, 'ledger_account', [...this.accounts.values()], { ignoreConflictOn: 'id' });
    await insertChunked(db, 'ledger_entry', this.entries);
    await insertChunked(db, 'ledger_posting', this.postings);
    this.sales = [];
    this.lines = [];
    this.tenders = [];
    this.entries = [];
    this.postings = [];
    this.accounts.clear();
  }
}
