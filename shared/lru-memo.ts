/**
 * Remembers `compute(key)` for the `max` most recently used keys. For work that costs more than
 * it is worth repeating — compiling SQL, parsing a PEM key — over a small, hot set of keys that
 * nothing outside may grow without bound.
 */
export function lruMemo<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let v = kept.get(key);
    if (v === undefined) {
      v = compute(key);
      if (kept.size >= max) kept.delete(kept.keys().next().value as string);
    } else kept.delete(key);
    kept.set(key, v);
    return v;
  };
}
