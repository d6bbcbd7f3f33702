import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

function fakeConn(): { prepare(sql: string): { sql: string; n: number }; compiled: string[] } {
  const compiled: string[] = [];
  return { compiled, prepare: (sql) => (compiled.push(sql), { sql, n: compiled.length }) };
}

describe('cacheStatements', () => {
  it('compiles each SQL text once and answers the same statement', () => {
    const c = fakeConn();
    cacheStatements(c);
    const a = c.prepare('SELECT 1');
    expect(c.prepare('SELECT 1')).toBe(a);
    expect(c.prepare('SELECT 2')).not.toBe(a);
    expect(c.compiled).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('drops the least recently used text beyond its bound', () => {
    const c = fakeConn();
    cacheStatements(c, 2);
    const a = c.prepare('A');
    c.prepare('B');
    c.prepare('A'); // A is now the most recent
    c.prepare('C'); // drops B
    expect(c.prepare('A')).toBe(a);
    c.prepare('B');
    expect(c.compiled).toEqual(['A', 'B', 'C', 'B']);
  });
});
