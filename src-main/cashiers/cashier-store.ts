/** Cashiers and managers of this till, as synced from the server (or the till's own first pair). */
import type { Db } from '../store/db';
import { hashPin, verifyPin } from './pin';
import { stmt, tx } from '../store/sql';

export interface Cashier {
  id: string;
  name: string;
  role: 'cashier' | 'manager';
}

export function listCashiers(db: Db): Cashier[] {
  return stmt(
    db,
    'SELECT id, name, role FROM cashier WHERE active = 1 ORDER BY role DESC, name',
  ).all() as Cashier[];
}

/** A cashier by id (a receipt names who sold, even after they left). */
export function findCashier(db: Db, id: string): Cashier | null {
  return (stmt(db, 'SELECT id, name, role FROM cashier WHERE id = ?').get(id) as Cashier | undefined) ?? null;
}

export function findByPin(db: Db, pin: string, role?: 'manager'): Cashier | null {
  const rows = stmt(db, 'SELECT id, name, role, pin_hash FROM cashier WHERE active = 1').all() as (Cashier & {
    pin_hash: string;
  })[];
  for (const r of rows) {
    if ((!role || r.role === role) && verifyPin(pin, r.pin_hash))
      return { id: r.id, name: r.name, role: r.role };
  }
  return null;
}

export function replaceCashiers(db: Db, cashiers: readonly (Cashier & { pin_hash: string })[]): void {
  tx(db, () => {
    stmt(db, 'UPDATE cashier SET active = 0').run();
    const up = stmt(
      db,
      'INSERT INTO cashier (id, name, role, pin_hash, active) VALUES (@id, @name, @role, @pin_hash, 1) ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash, active = 1',
    );
    for (const c of cashiers) up.run(c);
  });
}

/**
 * A fresh till whose server sends no cashiers gets a manager and a cashier with well-known PINs, to be
 * changed. They carry people's names, not their roles: a receipt printed "收银员 收银员" otherwise.
 */
export const DEFAULT_CASHIERS = [
  { id: 'C-MGR', name: '王店长', role: 'manager', pin: '8888' },
  { id: 'C-001', name: '李小红', role: 'cashier', pin: '1234' },
] as const;

export function seedDefaultCashiers(db: Db): boolean {
  const n = (stmt(db, 'SELECT COUNT(*) AS n FROM cashier').get() as { n: number }).n;
  if (n > 0) return false;
  replaceCashiers(
    db,
    DEFAULT_CASHIERS.map((c) => ({ id: c.id, name: c.name, role: c.role, pin_hash: hashPin(c.pin) })),
  );
  return true;
}
