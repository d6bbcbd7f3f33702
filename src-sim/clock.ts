/**
 * The simulator's business clock. Business rules (the 15-second reverse
 * window, 7-day reverse limit, 30-second split wait, T+1 settlement, the
 * 09:00 bill) run on this clock; test control can move it forward. Protocol
 * timestamps (signatures) always use the wall clock, because the client
 * checks them against its own.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

export interface Clock {
  now(): number;
  advance(ms: number): void;
  offsetMs(): number;
}

export function createClock(initialOffsetMs = 0, onChange?: (offsetMs: number) => void): Clock {
  let offset = initialOffsetMs;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      if (!Number.isSafeInteger(ms) || ms < 0)
        throw new RangeError(`advance needs a non-negative integer ms, got ${ms}`);
      offset += ms;
      onChange?.(offset);
    },
    offsetMs: () => offset,
  };
}

/** "2024-05-01" for the Asia/Shanghai calendar day containing t. */
export function shanghaiDate(t: number): string {
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00 Asia/Shanghai on the given "YYYY-MM-DD". */
export function shanghaiMidnight(date: string): number {
  const t = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${date}`);
  return t - SHANGHAI_OFFSET_MS;
}

/** RFC 3339 with +08:00, the form WeChat uses ("2018-06-08T10:34:56+08:00"). */
export function rfc3339(t: number): string {
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** "2018-06-08 10:34:56" Asia/Shanghai, the bill's 交易时间 form. */
export function billTime(t: number): string {
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
