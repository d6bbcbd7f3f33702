/**
 * Bill days are Asia/Shanghai calendar days, as the institution cuts them
 * whatever the market's own zone: UTC+8 with no daylight saving since 1992,
 * so day numbers are plain arithmetic here (shared/time.ts agrees, tested).
 */
export const BILL_TIME_ZONE = 'Asia/Shanghai';
export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 in Shanghai. */
export function shanghaiDayNo(atMs: number): number {
  return Math.floor((atMs + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function billDateDayNo(billDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(billDate);
  if (m === null) throw new RangeError(`bill date is YYYY-MM-DD, got ${billDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Midnight starting the Shanghai day, epoch ms. */
export function shanghaiMidnightMs(billDate: string): number {
  return billDateDayNo(billDate) * DAY_MS - SHANGHAI_OFFSET_MS;
}

export function billDateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** "2025-06-01" → "20250601", the server's business-day spelling. */
export function businessDayOfBillDate(billDate: string): string {
  return billDate.replaceAll('-', '');
}
