// Summary statistics of measured timings: percentiles and the mean.

/**
 * The p-th percentile (0–100) of `values` by linear interpolation between closest ranks
 * (the "R-7" method of Hyndman & Fan 1996, as in NumPy's default and Excel's PERCENTILE.INC).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile of an empty list");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (rank - below);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("mean of an empty list");
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  mean: number;
}

/** p50, p95 and mean of latencies, in the unit they were given in. */
export function summarizeLatencies(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    mean: mean(values),
  };
}
