import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

describe('cacheStatements', () => {
  it('makes the connection compile each SQL text once', () => {
    const compiled: string[] = [];
    const conn = { prepare: (sql: string) => (compiled.push(sql), { sql }) };
    cacheStatements(conn);
    const a = conn.prepare('SELECT 1');
    expect(conn.prepare('SELECT 1')).toBe(a);
    expect(conn.prepare('SELECT 2')).not.toBe(a);
    expect(compiled).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
