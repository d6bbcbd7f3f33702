/**
 * Canonical JSON for hashing and signing: object keys sorted, no whitespace,
 * and only values that mean the same on every machine — strings, booleans,
 * null, safe integers. A float is refused: nothing in a journal is a float.
 */
export type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw new TypeError(`canonical JSON refuses non-integer number ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON refuses ${typeof value}`);
  }
}

/** What a journal entry's hash covers, besides the previous hash. */
export function entryHashInput(e: {
  seq: number;
  id: string;
  type: string;
  at_ms: number;
  payload: string;
}): string {
  return canonicalJson({ seq: e.seq, id: e.id, type: e.type, at_ms: e.at_ms, payload: e.payload });
}

export const GENESIS_HASH = '0'.repeat(64);
