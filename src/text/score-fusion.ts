// Combines ranked lists of scores for the same items into one ranking.

/** Scores scaled so the best of the list is 1 (BM25 scales differ between queries and indexes). */
export function normalizeByMax<K>(scores: ReadonlyMap<K, number>): Map<K, number> {
  let max = 0;
  for (const s of scores.values()) if (s > max) max = s;
  const out = new Map<K, number>();
  if (max <= 0) return out;
  for (const [k, s] of scores) out.set(k, s / max);
  return out;
}

/** Weighted sum of max-normalised score lists; an item missing from a list scores 0 there. */
export function combineScores<K>(
  lists: ReadonlyArray<{ scores: ReadonlyMap<K, number>; weight: number }>,
): Array<{ key: K; score: number }> {
  const total = new Map<K, number>();
  for (const { scores, weight } of lists) {
    if (weight === 0) continue;
    for (const [k, s] of normalizeByMax(scores)) total.set(k, (total.get(k) ?? 0) + weight * s);
  }
  return [...total].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score);
}

// k = 60 as in Cormack, Clarke & Büttcher (SIGIR 2009), "Reciprocal rank fusion outperforms
// Condorcet and individual rank learning methods".
const RRF_K = 60;

/**
 * Reciprocal-rank fusion of ranked lists of keys (best first): sum of weight / (k + rank), each
 * list's weight 1 unless `weights` says otherwise.
 */
export function reciprocalRankFusion<K>(
  lists: ReadonlyArray<readonly K[]>,
  k = RRF_K,
  weights: readonly number[] = [],
): Array<{ key: K; score: number }> {
  const total = new Map<K, number>();
  lists.forEach((list, l) => {
    const weight = weights[l] ?? 1;
    list.forEach((key, i) => {
      total.set(key, (total.get(key) ?? 0) + weight / (k + i + 1));
    });
  });
  return [...total].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score);
}
