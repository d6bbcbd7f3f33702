// The boundaries `npm run lint` and `npm run typecheck` enforce, shown failing on planted code: a
// cross-process import, an import cycle, Node in shared/ and in the renderer, and the DOM in the
// core. Planted in a temp folder with this repo's own configs, never in the tree.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const repo = process.cwd();
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;

function planted(files: Record<string, string>): string {
  const dir = tempDir('planted');
  for (const f of [
    '.dependency-cruiser.cjs',
    'tsconfig.depcruise.json',
    'tsconfig.base.json',
    'tsconfig.core.json',
  ])
    copyFileSync(join(repo, f), join(dir, f));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** depcruise with the lint config, as `npm run lint` runs it, on the planted folders. */
function cruise(dir: string, ...paths: string[]): { status: number | null; out: string } {
  const r = spawnSync(
    join(repo, 'node_modules', '.bin', 'depcruise'),
    [...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm run lint: process boundaries and cycles', () => {
  it('runs depcruise over every folder with this config', () => {
    expect(scripts.lint).toContain(
      'depcruise shared src-main src-renderer src-server src-sim test bin bench --config .dependency-cruiser.cjs',
    );
  });

  it('passes clean code: the core importing shared/', () => {
    const dir = planted({
      'shared/money.ts': 'export const fen = 1;\n',
      'src-main/till.ts': "import { fen } from '../shared/money';\nexport const x = fen;\n",
    });
    expect(cruise(dir, 'shared', 'src-main')).toEqual({
      status: 0,
      out: expect.stringContaining('no dependency violations found'),
    });
  });

  it('fails on the core importing the server', () => {
    const dir = planted({
      'src-server/ledger.ts': 'export const post = 1;\n',
      'src-main/till.ts': "import { post } from '../src-server/ledger';\nexport const x = post;\n",
    });
    const r = cruise(dir, 'src-main', 'src-server');
    expect(r.status).toBe(1);
    expect(r.out).toContain('error src-main-imports-only-shared: src-main/till.ts → src-server/ledger.ts');
  });

  it('fails on an import cycle', () => {
    const dir = planted({
      'src-server/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src-server/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    const r = cruise(dir, 'src-server');
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error no-circular: src-server\/a\.ts →\s+src-server\/b\.ts →\s+src-server\/a\.ts/);
  });

  it('fails on Node in shared/ and in the renderer', () => {
    const dir = planted({
      'shared/hash.ts': "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
      'src-renderer/file.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    });
    const r = cruise(dir, 'shared', 'src-renderer');
    expect(r.out).toContain('error shared-no-node-builtins: shared/hash.ts → crypto');
    expect(r.out).toContain('error renderer-no-node: src-renderer/file.ts → fs');
  });
});

describe('npm run typecheck: no DOM in the core', () => {
  it('type-checks the core with tsconfig.core.json (ES2022 and Node, no DOM lib)', () => {
    expect(scripts.typecheck).toContain('tsc -p tsconfig.core.json');
    const core = JSON.parse(readFileSync('tsconfig.core.json', 'utf8')) as {
      compilerOptions: { lib: string[] };
    };
    expect(core.compilerOptions.lib).toEqual(['ES2022']);
  });

  it('fails on `document` in the core', () => {
    const dir = planted({
      'src-main/title.ts': 'export function title(): string {\n  return document.title;\n}\n',
      'tsconfig.planted.json': JSON.stringify({
        extends: './tsconfig.core.json',
        compilerOptions: { incremental: false },
        include: ['src-main/title.ts'],
        exclude: [],
      }),
    });
    const r = spawnSync(
      process.execPath,
      [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.planted.json'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("src-main/title.ts(2,10): error TS2584: Cannot find name 'document'.");
  });
});
