// The till contract pruned (issue 14): every method of the renderer ↔ core contract (shared/contract/till.ts
// and devices.ts) is called by the renderer's own code — not only by its tests or the fake core — or it is gone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devicesContract } from '../../shared/contract/devices';
import { tillContract } from '../../shared/contract/till';

const rendererCode = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'src-renderer'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('src-renderer/test-support/'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('till contract callers', () => {
  it('every method of the till and device contracts has a caller in src-renderer', () => {
    const methods = [...Object.keys(tillContract), ...Object.keys(devicesContract)];
    expect(methods.length).toBeGreaterThan(30);
    const uncalled = methods.filter((m) => !rendererCode.includes(`'${m}'`));
    expect(uncalled).toEqual([]);
  });
});
