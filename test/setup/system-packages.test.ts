/** The test command's first step: what it says when a Debian package the suites need is missing and cannot be installed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingPackages, onPath } from './system-packages';

describe('npm test system packages', () => {
  // A PATH with only node on it: no socat, and no apt-get to install it with.
  const bare = mkdtempSync(join(tmpdir(), 'mt-path-'));
  symlinkSync(process.execPath, join(bare, 'node'));
  afterAll(() => rmSync(bare, { recursive: true, force: true }));

  it('finds nothing missing on this machine', () => {
    expect(missingPackages()).toEqual([]);
  });

  it('fails with one line naming socat when PATH hides it and apt-get is out of reach', () => {
    expect(onPath('socat', bare)).toBeNull();
    const r = spawnSync(join(bare, 'node'), ['--import', 'tsx', 'test/setup/system-packages.ts'], {
      env: { PATH: bare },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'npm test needs socat (serial device tests): install with `sudo apt-get install socat`, then run npm test again.',
    ]);
  });

  it('says nothing and succeeds when everything is there', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/setup/system-packages.ts'], {
      encoding: 'utf8',
    });
    expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({ status: 0, out: '' });
  });
});
