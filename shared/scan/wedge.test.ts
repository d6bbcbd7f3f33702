import { expect, test } from 'vitest';
import { WEDGE_DEFAULTS, WedgeDetector, type WedgeDecision } from './wedge';

/** Feeds keys `gapMs` apart, then Enter; returns every decision. */
function feed(
  d: WedgeDetector,
  text: string,
  gapMs: number,
  start = 1000,
  suffix = 'Enter',
): WedgeDecision[] {
  const out = [...text].map((key, i) => d.key({ key, timeMs: start + i * gapMs }));
  out.push(d.key({ key: suffix, timeMs: start + text.length * gapMs }));
  return out;
}

test('a scanner burst (6 ms apart) ending in Enter is a scan; keys after the third are swallowed', () => {
  const out = feed(new WedgeDetector(), '6901234567892', 6);
  expect(out.at(-1)).toEqual({ action: 'scan', code: '6901234567892', typedChars: 3 });
  expect(out.slice(0, 3).every((d) => d.action === 'pass')).toBe(true);
  expect(out.slice(3, -1).every((d) => d.action === 'swallow')).toBe(true);
});

test('a person typing (120 ms apart) is never a scan and nothing is swallowed', () => {
  const out = feed(new WedgeDetector(), '6901234567892', 120);
  expect(out.every((d) => d.action === 'pass')).toBe(true);
});

test('Zebra-speed scanners (up to ~80 ms) need maxInterKeyMs raised; the default keeps them out', () => {
  expect(feed(new WedgeDetector(), '6901234567892', 70).at(-1)).toEqual({ action: 'pass' });
  expect(feed(new WedgeDetector({ maxInterKeyMs: 90 }), '6901234567892', 70).at(-1)).toMatchObject({
    action: 'scan',
  });
});

test('too short a burst is typing (minLength); Tab also ends a scan; Enter after a stall longer than stallMsMax is not a scan', () => {
  expect(feed(new WedgeDetector(), '12345', 5).at(-1)).toEqual({ action: 'pass' });
  expect(feed(new WedgeDetector(), '96385074', 5, 0, 'Tab').at(-1)).toMatchObject({
    action: 'scan',
    code: '96385074',
  });
  const d = new WedgeDetector();
  [...'96385074'].forEach((key, i) => d.key({ key, timeMs: i * 5 }));
  expect(d.key({ key: 'Enter', timeMs: 35 + WEDGE_DEFAULTS.stallMsMax + 1 })).toEqual({ action: 'pass' });
});

test('a busy PC stalling a swallowing burst (mid-code or before Enter) loses no scan', () => {
  // The stall before Enter: the keys after the third were swallowed, so passing Enter would lose the code.
  const d = new WedgeDetector();
  const keys = [...'6901234567892'].map((key, i) => d.key({ key, timeMs: i * 5 }));
  expect(keys.slice(3).every((k) => k.action === 'swallow')).toBe(true);
  expect(d.key({ key: 'Enter', timeMs: 60 + 400 })).toEqual({
    action: 'scan',
    code: '6901234567892',
    typedChars: 3,
  });
  // A stall in the middle of the code.
  const e = new WedgeDetector();
  const at = [0, 5, 10, 15, 20, 25, 430, 435, 440, 445, 450, 455, 460];
  [...'6901234567892'].forEach((key, i) => e.key({ key, timeMs: at[i]! }));
  expect(e.key({ key: 'Enter', timeMs: 465 })).toEqual({
    action: 'scan',
    code: '6901234567892',
    typedChars: 3,
  });
});

test('the slack is for bursts only: a person typing slowly after three quick keys is still not swallowed', () => {
  const d = new WedgeDetector();
  // Three fast keys are not yet a swallowing burst; a slow fourth starts over and passes.
  const out = [0, 5, 10, 300, 600].map((timeMs, i) => d.key({ key: String(i), timeMs }));
  expect(out.every((k) => k.action === 'pass')).toBe(true);
});

test('typing then a scan: the slow keys before the burst are not part of the code', () => {
  const d = new WedgeDetector();
  d.key({ key: 'a', timeMs: 0 });
  d.key({ key: 'b', timeMs: 200 });
  expect(feed(d, '6901234567892', 4, 400).at(-1)).toEqual({
    action: 'scan',
    code: '6901234567892',
    typedChars: 3,
  });
});

test('Shift between characters (upper-case receipt numbers) keeps the burst', () => {
  const d = new WedgeDetector();
  let t = 0;
  for (const ch of 'TABC12-20261125-0001') {
    if (/[A-Z]/.test(ch)) d.key({ key: 'Shift', timeMs: (t += 2) });
    d.key({ key: ch, timeMs: (t += 3) });
  }
  expect(d.key({ key: 'Enter', timeMs: t + 3 })).toMatchObject({
    action: 'scan',
    code: 'TABC12-20261125-0001',
  });
});

test('a Chinese IME composition is never broken: composing keys pass and reset the burst', () => {
  const d = new WedgeDetector();
  // Pinyin "baicai" typed fast into an open composition, confirmed with Enter.
  const keys = [...'baicai'].map((key, i) => d.key({ key, timeMs: i * 5, isComposing: true }));
  expect(keys.every((k) => k.action === 'pass')).toBe(true);
  expect(d.key({ key: 'Enter', timeMs: 30, isComposing: true })).toEqual({ action: 'pass' });
  // Chrome reports keys the IME takes as 'Process' / 229.
  expect(d.key({ key: 'Process', keyCode: 229, timeMs: 40 })).toEqual({ action: 'pass' });
  d.compositionStart();
  expect(feed(d, '6901234567892', 4, 100).every((k) => k.action === 'pass')).toBe(true);
  d.compositionEnd();
  expect(feed(d, '6901234567892', 4, 1000).at(-1)).toMatchObject({ action: 'scan' });
});

test('shortcuts and navigation keys end a burst; over-long bursts are dropped', () => {
  const d = new WedgeDetector();
  [...'690123'].forEach((key, i) => d.key({ key, timeMs: i * 5 }));
  expect(d.key({ key: 'v', timeMs: 31, modifier: true })).toEqual({ action: 'pass' });
  expect(d.key({ key: 'Enter', timeMs: 35 })).toEqual({ action: 'pass' });
  expect(feed(new WedgeDetector({ maxLength: 10 }), '123456789012345', 3).at(-1)).toEqual({ action: 'pass' });
});
