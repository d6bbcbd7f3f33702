import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, businessDay, hourOfDay, zoneOffsetMs } from './time';

const AT = Date.UTC(2025, 5, 1, 18, 30); // 2025-06-02 02:30 in Shanghai

describe('market time', () => {
  it('puts a sale before the cut-off on the previous business day', () => {
    expect(businessDay(AT, 'Asia/Shanghai', 0)).toBe('20250602');
    expect(businessDay(AT, 'Asia/Shanghai', 4)).toBe('20250601');
    expect(businessDay(AT, 'UTC', 0)).toBe('20250601');
  });

  it('knows each zone offset and wall hour, daylight saving included', () => {
    expect(zoneOffsetMs(AT, 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(zoneOffsetMs(AT, 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(zoneOffsetMs(AT, 'America/New_York')).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2025, 0, 1), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(hourOfDay(AT, 'Asia/Shanghai')).toBe(2);
    expect(hourOfDay(AT, 'America/New_York')).toBe(14);
  });

  // China kept daylight saving time 1986–1991: from 1992 on, Shanghai is UTC+8 all year.
  it('agrees with the fixed +8 h in Shanghai since 1992', () => {
    fc.assert(
      fc.property(fc.integer({ min: 700_000_000_000, max: 4_102_444_800_000 }), (at) => {
        const shifted = new Date(at + 8 * 3_600_000);
        expect(hourOfDay(at, 'Asia/Shanghai')).toBe(shifted.getUTCHours());
        expect(businessDay(at, 'Asia/Shanghai', 0)).toBe(
          shifted.toISOString().slice(0, 10).replaceAll('-', ''),
        );
      }),
      { seed: 1414, numRuns: 500 },
    );
  });

  it('steps business days across month and year ends', () => {
    expect(addDays('20250601', -1)).toBe('20250531');
    expect(addDays('20241231', 1)).toBe('20250101');
    expect(addDays('20240228', 1)).toBe('20240229');
  });
});
