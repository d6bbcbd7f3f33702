#!/usr/bin/env node
// `npm run bench [-- NAME…]`: runs bench/NAME.ts for each name given, or every benchmark in bench/.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../bench/', import.meta.url));
// Benchmarks are the .ts files directly in bench/; helpers live in bench/lib/.
const available = readdirSync(dir, { withFileTypes: true })
  .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.name.includes('.test.'))
  .map((f) => f.name.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n== bench ${name} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
