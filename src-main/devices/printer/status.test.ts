import { describe, expect, test } from 'vitest';
import { HEALTHY_STATUS, isValidStatusByte, parseStatus, statusProblem } from './status';

describe('DLE EOT validity: (b & 0x93) === 0x12', () => {
  test('over all 256 bytes', () => {
    const valid = Array.from({ length: 256 }, (_, b) => b).filter(isValidStatusByte);
    // 0x12 fixed bits; bits 0, 1, 4, 7 fixed; bits 2, 3, 5, 6 free → 16 valid bytes
    expect(valid).toHaveLength(16);
    for (const b of valid) expect(b & 0x93).toBe(0x12);
    expect(isValidStatusByte(0x00)).toBe(false);
    expect(isValidStatusByte(0x10)).toBe(false); // an ASB first byte, not a DLE EOT reply
    expect(isValidStatusByte(0xff)).toBe(false);
    expect(isValidStatusByte(0x112)).toBe(false);
  });

  test('an invalid byte is refused, not guessed at', () => {
    expect(() => parseStatus({ 1: 0x00 })).toThrow(RangeError);
  });
});

/** Every combination of the four meaningful bits (2, 3, 5, 6) of reply n. */
function combos(): number[] {
  const out: number[] = [];
  for (let m = 0; m < 16; m++)
    out.push(0x12 | (m & 1 ? 0x04 : 0) | (m & 2 ? 0x08 : 0) | (m & 4 ? 0x20 : 0) | (m & 8 ? 0x40 : 0));
  return out;
}

describe('each reply, every bit combination', () => {
  test.each(combos())('n=1 byte %i', (b) => {
    const s = parseStatus({ 1: b });
    expect(s).toEqual({
      ...HEALTHY_STATUS,
      drawerPin3High: (b & 4) !== 0,
      online: (b & 8) === 0,
      waitingForRecovery: (b & 0x20) !== 0,
      feedButtonPressed: (b & 0x40) !== 0,
    });
  });
  test.each(combos())('n=2 byte %i', (b) => {
    const s = parseStatus({ 2: b });
    expect(s).toEqual({
      ...HEALTHY_STATUS,
      coverOpen: (b & 4) !== 0,
      feedingByButton: (b & 8) !== 0,
      paperOut: (b & 0x20) !== 0,
      errorOccurred: (b & 0x40) !== 0,
    });
  });
  test.each(combos())('n=3 byte %i', (b) => {
    const s = parseStatus({ 3: b });
    expect(s).toEqual({
      ...HEALTHY_STATUS,
      cutterError: (b & 8) !== 0,
      unrecoverableError: (b & 0x20) !== 0,
      autoRecoverableError: (b & 0x40) !== 0,
    });
  });
  test.each(combos())('n=4 byte %i', (b) => {
    const s = parseStatus({ 4: b });
    expect(s).toEqual({ ...HEALTHY_STATUS, paperNearEnd: (b & 0x0c) !== 0, paperOut: (b & 0x60) !== 0 });
  });
});

describe('statusProblem: why the printer cannot print', () => {
  test('healthy, near-end paper and auto-recoverable errors still print', () => {
    expect(statusProblem(parseStatus({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 }))).toBeNull();
    expect(statusProblem(parseStatus({ 1: 0x12, 2: 0x12, 3: 0x52, 4: 0x1e }))).toBeNull();
  });

  test.each([
    [{ 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 }, 'cover_open'],
    [{ 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 }, 'paper_out'],
    [{ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x72 }, 'paper_out'], // roll sensor says empty before the printer stops
    [{ 1: 0x1a, 2: 0x36, 3: 0x12, 4: 0x7e }, 'cover_open'], // cover open with no paper: close it first, then load
    [{ 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 }, 'cutter_error'],
    [{ 1: 0x1a, 2: 0x52, 3: 0x32, 4: 0x12 }, 'printer_error'],
    [{ 1: 0x1a, 2: 0x52, 3: 0x12, 4: 0x12 }, 'printer_error'],
    [{ 1: 0x1a, 2: 0x12, 3: 0x12, 4: 0x12 }, 'printer_offline'],
  ] as const)('%o → %s', (replies, code) => {
    expect(statusProblem(parseStatus(replies))).toBe(code);
  });
});
