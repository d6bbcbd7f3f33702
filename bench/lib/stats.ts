/** Small helpers shared by the benchmarks: percentiles and the one JSON line they end with. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function median(xs: readonly number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** Ends a benchmark: exactly one line of JSON, last. */
export function report(fields: Record<string, string | number>): void {
  console.log(JSON.stringify(fields));
}
