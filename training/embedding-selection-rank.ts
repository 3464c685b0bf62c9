// The rankers compared (BM25, embedding cosine, two fusions) and the sentence-selection metrics.
import {
  type HybridCandidate,
  linearFusion,
  rankBy,
  reciprocalRankFusion,
} from "../dist/embed/hybrid-score.js";
import { mrrAt, recallAt } from "../dist/eval/retrieval-metrics.js";
import { scoreTexts } from "../dist/text/bm25.js";
import { stemWord } from "../dist/text/passage-match.js";
import { queryTerms } from "../dist/text/query-terms.js";

export const RANKERS = ["bm25", "embedding", "rrf", "linear"] as const;
export type Ranker = (typeof RANKERS)[number];

/**
 * BM25 of each text for the query (stopwords dropped, Porter stems as the index has them), idf
 * and average length over `texts` themselves: the select stage only sees the texts it read.
 */
export function bm25Scores(query: string, texts: readonly string[]): number[] {
  // The same sentence scoring as the select stage (idf over the candidates themselves).
  return scoreTexts(texts, queryTerms(query).map(stemWord)).map((s) => s.score);
}

/** Candidate ids ordered by one ranker (`weight` is the embedding share of `linear`). */
export function rankCandidates(
  candidates: readonly HybridCandidate[],
  ranker: Ranker,
  weight: number,
): string[] {
  switch (ranker) {
    case "bm25":
      return rankBy(candidates, (c) => c.lexical);
    case "embedding":
      return rankBy(candidates, (c) => c.semantic);
    case "rrf":
      return reciprocalRankFusion([
        rankBy(candidates, (c) => c.lexical),
        rankBy(candidates, (c) => c.semantic),
      ]);
    case "linear":
      return linearFusion(candidates, weight);
  }
}

export interface SelectionMetrics {
  "recall@1": number;
  "recall@3": number;
  "recall@5": number;
  "recall@10": number;
  /** Reciprocal rank of the first gold sentence anywhere in the ranking. */
  mrr: number;
}

/** Recall of the gold sentences in the first k, and MRR, for one ranking. */
export function selectionMetrics(
  ranked: readonly string[],
  gold: ReadonlySet<string>,
): SelectionMetrics {
  return {
    "recall@1": recallAt(1, ranked, gold),
    "recall@3": recallAt(3, ranked, gold),
    "recall@5": recallAt(5, ranked, gold),
    "recall@10": recallAt(10, ranked, gold),
    mrr: mrrAt(ranked.length, ranked, gold),
  };
}

/** Mean of each metric over the cases (all 0 for no cases). */
export function meanSelectionMetrics(cases: readonly SelectionMetrics[]): SelectionMetrics {
  const sum: SelectionMetrics = {
    "recall@1": 0,
    "recall@3": 0,
    "recall@5": 0,
    "recall@10": 0,
    mrr: 0,
  };
  for (const m of cases) {
    for (const key of Object.keys(sum) as Array<keyof SelectionMetrics>) sum[key] += m[key];
  }
  const n = Math.max(1, cases.length);
  for (const key of Object.keys(sum) as Array<keyof SelectionMetrics>) sum[key] /= n;
  return sum;
}

/** The weight in `grid` with the best objective (the smallest such weight on ties). */
export function chooseWeight(
  grid: readonly number[],
  objective: (weight: number) => number,
): number {
  let best = grid[0] ?? 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const w of grid) {
    const value = objective(w);
    if (value > bestValue + 1e-12) {
      best = w;
      bestValue = value;
    }
  }
  return best;
}

/** 0, 0.1, …, 1. */
export const WEIGHT_GRID = Array.from({ length: 11 }, (_, i) => i / 10);
