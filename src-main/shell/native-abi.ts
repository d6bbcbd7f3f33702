/**
 * Which Node ABI a native module was built for, read from the binary without loading it: a module
 * built against V8/NAN (better-sqlite3) exports `node_register_module_v<NODE_MODULE_VERSION>` and
 * loads only where `process.versions.modules` is that number; a Node-API module (serialport's
 * binding) exports `napi_register_module_v1` and loads under any Node or Electron.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type BindingAbi = { kind: 'node'; modules: number } | { kind: 'napi' };

/** The native modules the core loads, and where each keeps its binary inside its package. */
export const CORE_BINDINGS: readonly { pkg: string; binary: string }[] = [
  { pkg: 'better-sqlite3', binary: 'build/Release/better_sqlite3.node' },
];

export function bindingAbi(file: string): BindingAbi | null {
  const text = readFileSync(file).toString('latin1');
  const node = /node_register_module_v(\d+)/.exec(text);
  if (node) return { kind: 'node', modules: Number(node[1]) };
  return text.includes('napi_register_module_v1') ? { kind: 'napi' } : null;
}

/** The binary `require(pkg)` finds from `fromFile` (node_modules up the tree, then NODE_PATH). */
export function resolveBinding(pkg: string, binary: string, fromFile: string): string {
  return join(dirname(createRequire(fromFile).resolve(`${pkg}/package.json`)), binary);
}

/** A runtime's name for messages: "Node 20.20.2" or "Electron 39.8.10". */
export interface Runtime {
  name: string;
  /** its `process.versions.modules` */
  modules: number;
}

/**
 * Null when every binding the core needs loads in `runtime`; otherwise one message saying which
 * binary was built for which ABI, and how to get a matching one.
 */
export function abiMismatch(runtime: Runtime, coreEntry: string): string | null {
  for (const { pkg, binary } of CORE_BINDINGS) {
    let file: string;
    try {
      file = resolveBinding(pkg, binary, coreEntry);
    } catch {
      return `The till's core cannot start: ${pkg} is not installed beside ${coreEntry}.`;
    }
    let abi: BindingAbi | null;
    try {
      abi = bindingAbi(file);
    } catch {
      return `The till's core cannot start: ${pkg}'s native binary ${file} is missing (npm install builds it).`;
    }
    if (abi === null) return `The till's core cannot start: ${file} is not a Node native module.`;
    if (abi.kind === 'node' && abi.modules !== runtime.modules) {
      return (
        `The till's core cannot start: ${pkg} (${file}) was built for NODE_MODULE_VERSION ${abi.modules}, ` +
        `but the core runs on ${runtime.name} (NODE_MODULE_VERSION ${runtime.modules}). ` +
        'Run the core on the Node that ran npm install (MARKETTILL_CORE_NODE), or install a package built by npm run dist.'
      );
    }
  }
  return null;
}
