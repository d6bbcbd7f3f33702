/** Command-line options shared by every role, validated before anything starts. */
import { parseArgs } from 'node:util';

export interface CommonOptions {
  port: number;
  dataDir: string;
}

export class UsageError extends Error {}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port must be 0–65535 (0 = any free port), got '${value}'`);
  return n;
}

export function parseRoleArgs<T extends Record<string, { type: 'string' | 'boolean' }>>(
  argv: string[],
  extra: T,
  defaultData: string,
) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean' }, ...extra },
    allowPositionals: true,
    strict: true,
  });
  const v = values as Record<string, string | boolean | undefined>;
  return {
    values: v,
    positionals,
    common: {
      port: parsePort(v.port as string | undefined, 0),
      dataDir: (v.data as string | undefined) ?? defaultData,
    },
  };
}
