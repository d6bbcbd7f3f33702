/**
 * Faults injected by test control on the next N matching calls. Kept in
 * memory: they belong to one test run, not to the institution's records.
 */
export type FaultKind =
  | 'slow' // answer after delay_ms
  | 'timeout_but_succeeded' // do the work, then drop the connection without an answer
  | 'system_error' // answer 500 SYSTEM_ERROR without doing the work
  | 'lost_notification' // never deliver the next notification
  | 'duplicate_notification' // deliver the next notification twice
  | 'split_failure' // the next split receivers fail with `reason`
  | 'refund_abnormal' // the next refund ends ABNORMAL instead of SUCCESS
  | 'refund_closed' // the next refund ends CLOSED; the money goes back to the merchant
  | 'withdraw_bounce' // the next withdrawal is returned by the bank (退票)
  | 'deduct_fail' // the next direct debit fails (the stall's account lacks the money)
  | 'bill_amount_delta' // the next bill's first success row differs by delta_fen
  | 'bill_cross_midnight' // the next bill also lists the first order of the following day
  | 'bill_refund_processing'; // the next bill shows its first successful refund as PROCESSING

export const FAULT_KINDS: readonly FaultKind[] = [
  'slow',
  'timeout_but_succeeded',
  'system_error',
  'lost_notification',
  'duplicate_notification',
  'split_failure',
  'refund_abnormal',
  'refund_closed',
  'withdraw_bounce',
  'deduct_fail',
  'bill_amount_delta',
  'bill_cross_midnight',
  'bill_refund_processing',
];

export interface Fault {
  kind: FaultKind;
  remaining: number;
  /** Only calls whose path starts with this are affected (API faults). */
  path_prefix?: string;
  /** Only calls with this HTTP method are affected (API faults); any method when absent. */
  method?: 'GET' | 'POST';
  delay_ms?: number;
  reason?: string;
  delta_fen?: number;
}

export interface Faults {
  add(f: Fault): void;
  /** Consumes one use of the first matching fault, if any. */
  take(kind: FaultKind, path?: string, method?: string): Fault | undefined;
  list(): readonly Fault[];
  clear(): void;
}

export function createFaults(): Faults {
  let faults: Fault[] = [];
  return {
    add(f) {
      faults.push({ ...f });
    },
    take(kind, path, method) {
      const f = faults.find(
        (x) =>
          x.kind === kind &&
          x.remaining > 0 &&
          (x.path_prefix === undefined || (path ?? '').startsWith(x.path_prefix)) &&
          (x.method === undefined || x.method === method),
      );
      if (f === undefined) return undefined;
      f.remaining -= 1;
      faults = faults.filter((x) => x.remaining > 0);
      return { ...f };
    },
    list: () => faults,
    clear() {
      faults = [];
    },
  };
}
