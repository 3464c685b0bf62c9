// Standard ranked-retrieval metrics with binary relevance, as BEIR computes them (pytrec_eval).
import type { Qrels } from "../data/scifact-data.js";

/** Relevant document ids per query id. */

/** nDCG@k with binary gains: DCG of the ranking over DCG of the ideal ranking. */
export function ndcgAt(
  k: number,
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** Share of the relevant documents found in the first k. */
export function recallAt(
  k: number,
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
): number {
  if (relevant.size === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / relevant.size;
}

/** Reciprocal rank of the first relevant document within the first k (0 if none). */
export function mrrAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ranked.slice(0, k).findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export interface RetrievalMetrics {
  "ndcg@10": number;
  "recall@10": number;
  "recall@100": number;
  "mrr@10": number;
}

/** Mean of each metric over the queries that have relevance judgements. */
export function meanMetrics(
  runs: ReadonlyMap<string, readonly string[]>,
  qrels: Qrels,
): RetrievalMetrics {
  const sum: RetrievalMetrics = { "ndcg@10": 0, "recall@10": 0, "recall@100": 0, "mrr@10": 0 };
  let n = 0;
  for (const [query, relevant] of qrels) {
    const ranked = runs.get(query) ?? [];
    sum["ndcg@10"] += ndcgAt(10, ranked, relevant);
    sum["recall@10"] += recallAt(10, ranked, relevant);
    sum["recall@100"] += recallAt(100, ranked, relevant);
    sum["mrr@10"] += mrrAt(10, ranked, relevant);
    n++;
  }
  if (n === 0) return sum;
  return {
    "ndcg@10": sum["ndcg@10"] / n,
    "recall@10": sum["recall@10"] / n,
    "recall@100": sum["recall@100"] / n,
    "mrr@10": sum["mrr@10"] / n,
  };
}
