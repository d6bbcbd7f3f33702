#!/usr/bin/env node
// The `markettill` command. Sources are TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli/main.ts');
await main(process.argv.slice(2));
