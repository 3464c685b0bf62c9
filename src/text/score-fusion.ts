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
