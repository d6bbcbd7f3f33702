// The packaged layout (electron-builder.yml) holds what the shell's design needs: the two bundles and
// the UI, the native modules unpacked from the asar and rebuilt for Electron (the core runs on
// Electron as Node there), and the core's external modules as dependencies that get packed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE_OPTIONS, ENTRIES } from '../../src-main/shell/build';
import { CORE_BINDINGS } from '../../src-main/shell/native-abi';

interface BuilderConfig {
  files: string[];
  extraMetadata: { main: string };
  asarUnpack: string[];
  npmRebuild: boolean;
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('packs both bundles the build writes and the built UI, and starts the shell bundle', () => {
    const outputs = ENTRIES.map((e) => join('build', e.outfile));
    expect(outputs).toEqual(['build/electron/main.cjs', 'build/core/terminal.cjs']);
    for (const out of outputs) expect(config.files).toContain(`${out.slice(0, out.lastIndexOf('/'))}/**/*`);
    expect(config.files).toContain('build/renderer/**/*');
    expect(readFileSync('src-renderer/vite.config.ts', 'utf8')).toContain("'../build/renderer'");
    expect(config.extraMetadata.main).toBe('build/electron/main.cjs');
    expect(pkg.main).toBe('build/electron/main.cjs');
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder --config electron-builder\.yml$/);
  });

  it('rebuilds the native modules for Electron and unpacks them from the asar', () => {
    expect(config.npmRebuild).toBe(true);
    for (const { pkg: name } of CORE_BINDINGS) expect(config.asarUnpack).toContain(`node_modules/${name}/**`);
    expect(config.asarUnpack).toContain('node_modules/@serialport/**');
  });

  it("lists the bundles' external modules as dependencies, so they are packed beside the core", () => {
    const external = (BUNDLE_OPTIONS.external ?? []).filter((m) => m !== 'electron');
    expect(external).toEqual(['better-sqlite3', 'serialport']);
    for (const m of external) expect(Object.keys(pkg.dependencies)).toContain(m);
    // electron-builder packs Electron itself and refuses it as a dependency.
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
  });
});
