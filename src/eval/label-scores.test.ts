import { describe, expect, it } from "vitest";
import { scoreLabels } from "./label-scores.js";

describe("scoreLabels", () => {
  // gold a a a b b c, predicted a a b b c c:
  // a: tp 2, predicted 2, gold 3 → P 1, R 2/3, F1 0.8
  // b: tp 1, predicted 2, gold 2 → P 1/2, R 1/2, F1 0.5
  // c: tp 1, predicted 2, gold 1 → P 1/2, R 1, F1 2/3
  const gold = ["a", "a", "a", "b", "b", "c"] as const;
  const predicted = ["a", "a", "b", "b", "c", "c"] as const;
  const s = scoreLabels(gold, predicted, ["a", "b", "c"]);

  it("gives per-label precision, recall and F1 as computed by hand", () => {
    expect(s.precision).toEqual({ a: 1, b: 0.5, c: 0.5 });
    expect(s.recall.a).toBeCloseTo(2 / 3);
    expect(s.f1.a).toBeCloseTo(0.8);
    expect(s.f1.b).toBeCloseTo(0.5);
    expect(s.f1.c).toBeCloseTo(2 / 3);
  });

  it("averages F1 over every label and counts accuracy over all pairs", () => {
    expect(s.macro_f1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
    expect(s.accuracy).toBeCloseTo(4 / 6);
  });

  it("lays the confusion matrix out gold by row, predicted by column", () => {
    expect(s.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it("scores a label nobody has and nobody predicts as 0, and nothing at all as 0", () => {
    expect(scoreLabels(["a"], ["a"], ["a", "b"]).macro_f1).toBe(0.5);
    expect(scoreLabels([], [], ["a"]).accuracy).toBe(0);
  });
});
