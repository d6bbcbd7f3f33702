// One declaration per name (issue 14): no exported type, interface, enum or class name is declared in two
// source files of the product, so a wire type found by name is the one both sides use; where two processes
// have genuinely different things they carry different names (the simulator's SimDb, SimRefundState, …).
// And no API path or header name of a contract is spelled out beside its declaration.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCE_DIRS = ['shared', 'src-main', 'src-renderer', 'src-server', 'src-sim', 'bin'];

const sources = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', ...SOURCE_DIRS],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

const DECLARATION = /^export (?:declare )?(?:type|interface|enum|class|abstract class) ([A-Za-z0-9_]+)/gm;

describe('one declaration per name', () => {
  it('no exported type name is declared in two files', () => {
    const where = new Map<string, string[]>();
    for (const f of sources)
      for (const m of readFileSync(f, 'utf8').matchAll(DECLARATION)) {
        const name = m[1] ?? '';
        where.set(name, [...(where.get(name) ?? []), f]);
      }
    const twice = [...where]
      .filter(([, files]) => files.length > 1)
      .map(([n, files]) => `${n}: ${files.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('the contracts’ paths and header names are written only where they are declared', () => {
    const spelled: string[] = [];
    for (const f of sources) {
      if (f.startsWith('shared/api/') || f === 'shared/contract/loopback.ts') continue;
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        // Comments may name a route; code must take it from the declaration.
        const code = line.replace(/^\s*(\*|\/\/).*$/, '').replace(/\/\/.*$/, '');
        if (/['"`][^'"`]*\/api\/v1\//.test(code) || /['"`]x-(csrf-token|markettill-token|mt-)/.test(code))
          spelled.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(spelled).toEqual([]);
  });
});
