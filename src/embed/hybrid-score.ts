// Fuses a lexical (BM25) and a semantic (embedding cosine) score of the same candidates.
import { reciprocalRankFusion as fuseRanks } from "../text/score-fusion.js";

/** Both scores of one candidate. */
export interface HybridCandidate {
  id: string;
  lexical: number;
  semantic: number;
}

// k = 60, as in src/text/score-fusion.ts (Cormack, Clarke & Büttcher, SIGIR 2009).
export const RRF_K = 60;

/** Ids by one score, best first; ties keep the candidates' given order. */
export function rankBy(
  candidates: readonly HybridCandidate[],
  score: (c: HybridCandidate) => number,
): string[] {
  return candidates
    .map((c, i) => ({ id: c.id, s: score(c), i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((c) => c.id);
}

/** Sum over the rankings of 1 / (k + rank), rank 1-based; ids best first. */
export function reciprocalRankFusion(
  rankings: ReadonlyArray<readonly string[]>,
  k = RRF_K,
): string[] {
  // Ties keep first-seen order (the sort is stable over insertion order).
  return fuseRanks(rankings, k).map((r) => r.key);
}

/** Scores scaled to 0..1 over the list (all 0 when they are all equal). */
export function minMaxNormalize(scores: readonly number[]): number[] {
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return scores.map((s) => (max > min ? (s - min) / (max - min) : 0));
}

/**
 * Ids by `weight` × semantic + (1 − weight) × lexical, each min-max normalised over the
 * candidates (BM25 and cosine live on different scales); weight 0 = BM25 order.
 */
export function linearFusion(candidates: readonly HybridCandidate[], weight: number): string[] {
  const lexical = minMaxNormalize(candidates.map((c) => c.lexical));
  const semantic = minMaxNormalize(candidates.map((c) => c.semantic));
  const mixed = candidates.map((c, i) => ({
    ...c,
    lexical: (1 - weight) * (lexical[i] ?? 0) + weight * (semantic[i] ?? 0),
  }));
  return rankBy(mixed, (c) => c.lexical);
}
