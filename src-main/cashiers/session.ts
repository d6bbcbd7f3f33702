/** Who is at the till now: a cashier signs in with a PIN; selling and refunds need one. */
import { CodedError } from '../../shared/contract/envelope';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { findByPin, type Cashier } from './cashier-store';
import { PIN_RE } from './pin';
import { tx } from '../store/sql';

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 60_000;

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
    if (nowMs < this.lockedUntilMs) throw new CodedError('wrong_pin', `too many wrong PINs: wait ${Math.ceil((this.lockedUntilMs - nowMs) / 1000)} s`);
    const cashier = PIN_RE.test(pin) ? findByPin(this.db, pin) : null;
    if (!cashier) {
      this.failures++;
      if (this.failures >= MAX_PIN_FAILURES) {
        this.lockedUntilMs = nowMs + PIN_LOCKOUT_MS;
        this.failures = 0;
      }
      throw new CodedError('wrong_pin', 'that PIN matches no cashier');
    }
    this.failures = 0;
    tx(this.db, () => appendJournal(this.db, 'cashier.signed_in', { cashier_id: cashier.id }, nowMs));
    this.current = cashier;
    return cashier;
  }

  signOut(nowMs: number): void {
    const c = this.current;
    if (!c) return;
    tx(this.db, () => appendJournal(this.db, 'cashier.signed_out', { cashier_id: c.id }, nowMs));
    this.current = null;
  }
}
