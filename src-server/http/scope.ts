/**
 * Stall isolation, in one place: any route parameter (path or query) that
 * names a stall, or a thing that belongs to one (terminal, buyer, product, cashier),
 * is resolved to its stall; an unknown one is 404, and a stall owner asking
 * about any stall but their own is refused. List routes without such a
 * parameter filter with `visibleStall`.
 */
import type { ServerDb } from '../db/database';
import type { StaffPrincipal } from '../staff/sessions';
import { ApiError } from './errors';

type Owned = 'terminal' | 'buyer' | 'product' | 'cashier';
const OWNED_PARAMS: Record<string, Owned> = {
  terminal_id: 'terminal',
  buyer_id: 'buyer',
  product_id: 'product',
  cashier_id: 'cashier',
};

async function stallOf(db: ServerDb, key: string, value: string): Promise<string> {
  if (key === 'stall_id') {
    const s = await db.selectFrom('stall').select('id').where('id', '=', value).executeTakeFirst();
    if (!s) throw new ApiError('not_found', `no stall ${value}`);
    return s.id;
  }
  const table = OWNED_PARAMS[key];
  if (!table) throw new Error(`no owner rule for ${key}`);
  const row = await db.selectFrom(table).select('stall_id').where('id', '=', value).executeTakeFirst();
  if (!row) throw new ApiError('not_found', `no ${table} ${value}`);
  return row.stall_id;
}

export const SCOPED_PARAMS = ['stall_id', ...Object.keys(OWNED_PARAMS)];

export async function enforceStallScope(
  db: ServerDb,
  staff: StaffPrincipal,
  ...sources: unknown[]
): Promise<void> {
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    for (const [k, v] of Object.entries(src)) {
      if (!SCOPED_PARAMS.includes(k) || typeof v !== 'string') continue;
      const stall = await stallOf(db, k, v);
      if (staff.role === 'stall_owner' && stall !== staff.stall_id)
        throw new ApiError('forbidden', 'a stall owner sees only their own stall');
    }
  }
}

/** For list routes: the one stall a stall owner may see, or null for market staff (every stall). */
export function visibleStall(staff: StaffPrincipal | null): string | null {
  if (!staff) throw new ApiError('unauthenticated', 'log in first');
  if (staff.role !== 'stall_owner') return null;
  if (!staff.stall_id) throw new ApiError('forbidden', 'this stall owner has no stall');
  return staff.stall_id;
}
