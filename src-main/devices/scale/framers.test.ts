import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  aclasFrame,
  AclasOs2xFramer,
  parseStGsLine,
  StGsLineFramer,
  toGrams,
  type ScaleReading,
} from './framers';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('toGrams: decimal text to integer grams, no floats', () => {
  test.each([
    ['0001.250', 'kg', 1250],
    ['1.2505', 'kg', 1251], // half up
    ['0.0004', 'kg', 0],
    ['250', 'g', 250],
    ['12.5', 'g', 13],
    ['1.5', 'lb', 680], // 680.388 g
    ['0.75', 'lb', 340],
  ])('%s %s → %i g', (text, unit, g) => expect(toGrams(text, unit, false)).toBe(g));
  test('negative, bad text, unknown unit, absurd weight', () => {
    expect(toGrams('0.500', 'kg', true)).toBe(-500);
    expect(toGrams('0.000', 'kg', true)).toBe(0);
    expect(toGrams('1..2', 'kg', false)).toBeNull();
    expect(toGrams('1.0', 'oz', false)).toBeNull();
    expect(toGrams('9999999', 'kg', false)).toBeNull();
  });
});

describe('ST,GS line family', () => {
  test.each<[string, ScaleReading]>([
    ['ST,GS,+0001.250kg', { kind: 'weight', stable: true, net: false, weight_g: 1250 }],
    ['US,GS,+0001.240kg', { kind: 'weight', stable: false, net: false, weight_g: 1240 }],
    ['ST,NT,+0000.500kg', { kind: 'weight', stable: true, net: true, weight_g: 500 }],
    ['ST,GS,-0000.020kg', { kind: 'weight', stable: true, net: false, weight_g: -20 }],
    ['ST,GS,+  1250 g', { kind: 'weight', stable: true, net: false, weight_g: 1250 }],
    ['ST,GS,+0002.000lb', { kind: 'weight', stable: true, net: false, weight_g: 907 }],
    ['OL,GS,+9999.999kg', { kind: 'overload' }],
  ])('%s', (line, reading) => expect(parseStGsLine(line)).toEqual(reading));
  test.each(['ST,GS,+0001.250oz', 'ST;GS;+0001.250kg', 'XX,GS,+1kg', 'ST,GS,+00.01.25kg', '', 'ST,GS,'])(
    'malformed %j',
    (line) => {
      expect(parseStGsLine(line).kind).toBe('bad_frame');
    },
  );
  test('framed from a noisy byte stream split anywhere', () => {
    const f = new StGsLineFramer();
    const stream = enc('\x00\xffUS,GS,+0001.2\r\n'.replace('\xff', '') + 'ST,GS,+0001.250kg\r\nST,G');
    const out = [...stream].flatMap((b) => f.push(Uint8Array.of(b)));
    expect(out).toEqual([
      { kind: 'bad_frame', reason: expect.stringContaining('not an ST,GS line') },
      { kind: 'weight', stable: true, net: false, weight_g: 1250 },
    ]);
    expect(f.commands).toEqual({});
  });
});

describe('Aclas OS2X STX/ETX frames with XOR check', () => {
  test('stable, unstable, overload, negative, grams', () => {
    const f = new AclasOs2xFramer();
    const out = f.push(
      Uint8Array.from([
        ...aclasFrame('S', '1.250'),
        ...aclasFrame('U', '1.260'),
        ...aclasFrame('F', '9.999'),
        ...aclasFrame('S', '-0.020'),
        ...aclasFrame('S', '750', 'g '),
      ]),
    );
    expect(out).toEqual([
      { kind: 'weight', stable: true, net: false, weight_g: 1250 },
      { kind: 'weight', stable: false, net: false, weight_g: 1260 },
      { kind: 'overload' },
      { kind: 'weight', stable: true, net: false, weight_g: -20 },
      { kind: 'weight', stable: true, net: false, weight_g: 750 },
    ]);
  });
  test('a flipped bit fails the checksum; noise and a cut frame cost one reading, the next frame reads', () => {
    const good = aclasFrame('S', '2.500');
    const flipped = Uint8Array.from(good);
    flipped[6] = flipped[6]! ^ 0x01; // '.'/digit changes, bcc does not
    const cut = good.subarray(0, 9);
    const f = new AclasOs2xFramer();
    const out = f.push(Uint8Array.from([0x55, 0x01, 0x33, ...flipped, ...cut, ...good]));
    expect(out.filter((r) => r.kind === 'weight')).toEqual([
      { kind: 'weight', stable: true, net: false, weight_g: 2500 },
    ]);
    expect(out.some((r) => r.kind === 'bad_frame' && r.reason === 'checksum mismatch')).toBe(true);
  });
  test('zero and tare host commands', () => {
    const f = new AclasOs2xFramer();
    expect(new TextDecoder().decode(f.commands.zero)).toBe('<ZK>\t');
    expect(new TextDecoder().decode(f.commands.tare)).toBe('<TK>\t');
  });
  test('random bytes between frames never yield a wrong weight (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }), (noise) => {
        const f = new AclasOs2xFramer();
        const bytes = noise.flatMap((n) => [...n, ...aclasFrame('S', '3.125')]);
        for (const r of f.push(Uint8Array.from(bytes)))
          if (r.kind === 'weight') expect(r.weight_g).toBe(3125);
      }),
      { seed: 1250, numRuns: 300 },
    );
  });
});
