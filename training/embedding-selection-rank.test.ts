import { describe, expect, it } from "vitest";
import {
  bm25Scores,
  chooseWeight,
  meanSelectionMetrics,
  rankCandidates,
  selectionMetrics,
} from "./embedding-selection-rank.ts";

describe("bm25Scores", () => {
  it("scores a sentence sharing the claim's rare words above one sharing none", () => {
    const [match, other] = bm25Scores("Aspirin reduces stroke risk", [
      "Daily aspirin lowered the risk of stroke.",
      "Participants were recruited in 2004.",
    ]);
    expect(match).toBeGreaterThan(0);
    expect(other).toBe(0);
  });

  it("matches inflected forms through stems and ignores stopwords", () => {
    const [stemmed, stopwordsOnly] = bm25Scores("the reductions of strokes", [
      "Stroke was reduced.",
      "The of the.",
    ]);
    expect(stemmed).toBeGreaterThan(0);
    expect(stopwordsOnly).toBe(0);
  });
});

describe("selectionMetrics", () => {
  const gold = new Set(["d:2", "d:5"]);

  it("counts the share of gold sentences in the first k and the rank of the first", () => {
    const m = selectionMetrics(["d:0", "d:2", "d:1", "d:3", "d:5"], gold);
    expect(m["recall@1"]).toBe(0);
    expect(m["recall@3"]).toBe(0.5);
    expect(m["recall@5"]).toBe(1);
    expect(m.mrr).toBe(0.5);
  });

  it("gives MRR 0 when no gold sentence is ranked at all", () => {
    expect(selectionMetrics(["x:0", "x:1"], gold).mrr).toBe(0);
  });

  it("averages over claims", () => {
    const mean = meanSelectionMetrics([
      selectionMetrics(["d:2"], gold),
      selectionMetrics(["d:9"], gold),
    ]);
    expect(mean["recall@1"]).toBe(0.25);
    expect(mean.mrr).toBe(0.5);
  });
});

describe("rankCandidates", () => {
  const candidates = [
    { id: "lexical-best", lexical: 3, semantic: 0.2 },
    { id: "semantic-best", lexical: 1, semantic: 0.8 },
  ];

  it("orders by BM25, by cosine, or by a fusion of both", () => {
    expect(rankCandidates(candidates, "bm25", 0)[0]).toBe("lexical-best");
    expect(rankCandidates(candidates, "embedding", 0)[0]).toBe("semantic-best");
    expect(rankCandidates(candidates, "linear", 1)[0]).toBe("semantic-best");
    expect(rankCandidates(candidates, "rrf", 0)).toHaveLength(2);
  });
});

describe("chooseWeight", () => {
  it("picks the weight with the best objective, the smallest on ties", () => {
    expect(chooseWeight([0, 0.5, 1], (w) => -Math.abs(w - 0.5))).toBe(0.5);
    expect(chooseWeight([0, 0.5, 1], () => 1)).toBe(0);
  });
});
