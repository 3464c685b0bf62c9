import { describe, expect, it } from "vitest";
import { meanMetrics, mrrAt, ndcgAt, recallAt } from "./retrieval-metrics.js";

describe("retrieval metrics", () => {
  const relevant = new Set(["a", "b"]);

  it("gives a perfect ranking an nDCG of 1", () => {
    expect(ndcgAt(10, ["a", "b", "x"], relevant)).toBeCloseTo(1);
  });

  it("discounts a relevant document by the log of its rank", () => {
    // DCG = 1/log2(3) for rank 2 only; ideal = 1 + 1/log2(3).
    const expected = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(ndcgAt(10, ["x", "a"], relevant)).toBeCloseTo(expected, 10);
  });

  it("ignores documents past the cut-off", () => {
    expect(ndcgAt(1, ["x", "a", "b"], relevant)).toBe(0);
    expect(recallAt(2, ["x", "a", "b"], relevant)).toBe(0.5);
  });

  it("takes the reciprocal rank of the first relevant document", () => {
    expect(mrrAt(10, ["x", "y", "b"], relevant)).toBeCloseTo(1 / 3);
    expect(mrrAt(2, ["x", "y", "b"], relevant)).toBe(0);
  });

  it("averages over judged queries and counts a query with no run as zero", () => {
    const qrels = new Map([
      ["q1", new Set(["a"])],
      ["q2", new Set(["b"])],
    ]);
    const runs = new Map([["q1", ["a"]]]);
    const m = meanMetrics(runs, qrels);
    expect(m["ndcg@10"]).toBeCloseTo(0.5);
    expect(m["recall@100"]).toBeCloseTo(0.5);
    expect(m["mrr@10"]).toBeCloseTo(0.5);
  });
});
