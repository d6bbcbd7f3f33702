/**
 * Who is at the till now: a cashier signs in with a PIN; selling and refunds
 * need one. Signing out while journal entries wait for the server needs a
 * manager's PIN (`sync/at-risk.ts`); the journal says who allowed it.
 */
import { CodedError } from '../../shared/contract/envelope';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { approveAtRisk } from '../sync/at-risk';
import { findByPin, type Cashier } from './cashier-store';
import { PIN_RE } from './pin';
import { tx } from '../store/sql';

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 60_000;

export interface SignOutResult {
  /** journal entries the server had not acknowledged when the cashier left */
  unsynced: number;
  /** the manager who approved it; null when nothing was at risk */
  approved_by: string | null;
}

export class TillSession {
  private current: Cashier | null = null;
  private failures = 0;
  private lockedUntilMs = 0;

  constructor(private readonly db: Db) {}

  get cashier(): Cashier | null {
    return this.current;
  }

  require(): Cashier {
    if (!this.current) throw new CodedError('not_signed_in', 'sign in with your PIN first');
    return this.current;
  }

  signIn(pin: string, nowMs: number): Cashier {
    const cashier = this.tryPin(nowMs, () => {
      const found = PIN_RE.test(pin) ? findByPin(this.db, pin) : null;
      if (!found) throw new CodedError('wrong_pin', 'that PIN matches no cashier');
      return found;
    });
    tx(this.db, () => appendJournal(this.db, 'cashier.signed_in', { cashier_id: cashier.id }, nowMs));
    this.current = cashier;
    return cashier;
  }

  /** Refused with `manager_required` (and the count) while entries are unsynced and no manager's PIN is given. */
  signOut(nowMs: number, managerPin?: string): SignOutResult {
    const c = this.current;
    if (!c) return { unsynced: 0, approved_by: null };
    const approval =
      managerPin === undefined
        ? approveAtRisk(this.db, 'sign_out', undefined)
        : this.tryPin(nowMs, () => approveAtRisk(this.db, 'sign_out', managerPin));
    const result = { unsynced: approval.unsynced, approved_by: approval.approved_by?.id ?? null };
    tx(this.db, () => appendJournal(this.db, 'cashier.signed_out', { cashier_id: c.id, ...result }, nowMs));
    this.current = null;
    return result;
  }

  /** Runs a PIN check; wrong PINs count towards one lockout, whether a cashier's or a manager's was asked for. */
  private tryPin<T>(nowMs: number, check: () => T): T {
    if (nowMs < this.lockedUntilMs)
      throw new CodedError(
        'wrong_pin',
        `too many wrong PINs: wait ${Math.ceil((this.lockedUntilMs - nowMs) / 1000)} s`,
      );
    try {
      const value = check();
      this.failures = 0;
      return value;
    } catch (err) {
      if (err instanceof CodedError && err.code === 'wrong_pin' && ++this.failures >= MAX_PIN_FAILURES) {
        this.lockedUntilMs = nowMs + PIN_LOCKOUT_MS;
        this.failures = 0;
      }
      throw err;
    }
  }
}
