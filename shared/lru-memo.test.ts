import { describe, expect, it } from 'vitest';
import { lruMemo } from './lru-memo';

describe('lruMemo', () => {
  it('computes each key once and answers the same value', () => {
    const computed: string[] = [];
    const f = lruMemo((k) => (computed.push(k), { k }), 10);
    const a = f('A');
    expect(f('A')).toBe(a);
    expect(f('B')).not.toBe(a);
    expect(computed).toEqual(['A', 'B']);
  });

  it('drops the least recently used key beyond its bound', () => {
    const computed: string[] = [];
    const f = lruMemo((k) => (computed.push(k), { k }), 2);
    const a = f('A');
    f('B');
    f('A'); // A is now the most recent
    f('C'); // drops B
    expect(f('A')).toBe(a);
    f('B');
    expect(computed).toEqual(['A', 'B', 'C', 'B']);
  });
});
