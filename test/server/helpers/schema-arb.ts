/**
 * fast-check arbitraries from the JSON Schemas of our own OpenAPI document:
 * values a schema accepts (as far as JSON Schema says: zod refinements are
 * not in it, so a "valid" value may still be refused with a 400), and values
 * it should refuse (wrong types, missing required keys, any JSON at all).
 */
import fc from 'fast-check';

export type Json = { [k: string]: unknown };

export function resolve(s: Json, doc: Json): Json {
  let cur = s;
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
    cur = (cur.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<Json>((o, k) => (o[k] ?? {}) as Json, doc);
  }
  return cur;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function stringArb(s: Json): fc.Arbitrary<string> {
  const min = num(s.minLength) ?? 0;
  if (typeof s.pattern === 'string') {
    const max = num(s.maxLength) ?? Infinity;
    return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
  }
  const max = Math.min(num(s.maxLength) ?? 24, 64);
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

function intArb(s: Json): fc.Arbitrary<number> {
  const lo =
    num(s.minimum) ??
    (num(s.exclusiveMinimum) !== undefined ? (num(s.exclusiveMinimum) ?? 0) + 1 : -1_000_000);
  const hi =
    num(s.maximum) ??
    (num(s.exclusiveMaximum) !== undefined ? (num(s.exclusiveMaximum) ?? 0) - 1 : 1_000_000);
  return fc.oneof(
    fc.integer({ min: Math.max(lo, -1e9), max: Math.min(hi, 1e9) }),
    fc.constantFrom(lo, hi).filter(Number.isSafeInteger),
  );
}

/** Values the schema accepts. */
export function validArb(s0: Json, doc: Json, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(s0, doc);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alts = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alts) return fc.oneof(...alts.map((a) => validArb(a, doc, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length > 0) return validArb(s.allOf[0] as Json, doc, depth + 1);
  if (Array.isArray(s.type))
    return fc.oneof(...(s.type as string[]).map((t) => validArb({ ...s, type: t }, doc, depth + 1)));
  switch (s.type) {
    case 'string':
      return stringArb(s);
    case 'integer':
    case 'number':
      return intArb(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(validArb((s.items ?? {}) as Json, doc, depth + 1), {
        minLength: num(s.minItems) ?? 0,
        maxLength: Math.max(num(s.minItems) ?? 0, Math.min(num(s.maxItems) ?? 3, 3)),
      });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = (s.required ?? []) as string[];
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v, doc, depth + 1)])),
        { requiredKeys: required },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values the schema (most likely) refuses: a valid one with a key dropped or of the wrong type, or any JSON. */
export function invalidArb(s0: Json, doc: Json): fc.Arbitrary<unknown> {
  const s = resolve(s0, doc);
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  if (s.type !== 'object') return anyJson;
  const keys = Object.keys((s.properties ?? {}) as Json);
  if (keys.length === 0) return anyJson;
  const valid = validArb(s, doc) as fc.Arbitrary<Json>;
  const dropped = fc
    .tuple(valid, fc.constantFrom(...keys))
    .map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([x]) => x !== k)));
  const wrong = fc.tuple(valid, fc.constantFrom(...keys), anyJson).map(([v, k, x]) => ({ ...v, [k]: x }));
  return fc.oneof(dropped, wrong, anyJson);
}
