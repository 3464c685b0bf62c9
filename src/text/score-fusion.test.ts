import { describe, expect, it } from "vitest";
import { combineScores, normalizeByMax } from "./score-fusion.js";

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("normalizeByMax", () => {
  it("scales scores so the best one is 1", () => {
    expect(normalizeByMax(scores({ a: 8, b: 4, c: 2 }))).toEqual(scores({ a: 1, b: 0.5, c: 0.25 }));
  });

  it("returns an empty map for an empty list or one without a positive score", () => {
    expect(normalizeByMax(new Map<string, number>()).size).toBe(0);
    expect(normalizeByMax(scores({ a: 0, b: 0 })).size).toBe(0);
    expect(normalizeByMax(scores({ a: -1, b: -3 })).size).toBe(0);
  });

  it("does not change the map it is given", () => {
    const input = scores({ a: 10 });
    normalizeByMax(input);
    expect(input.get("a")).toBe(10);
  });
});

describe("combineScores", () => {
  it("adds weighted normalised scores and sorts best first", () => {
    const result = combineScores([
      { scores: scores({ a: 10, b: 5 }), weight: 0.6 },
      { scores: scores({ b: 2, c: 1 }), weight: 0.4 },
    ]);
    expect(result.map((r) => r.key)).toEqual(["b", "a", "c"]);
    expect(result[0]?.score).toBeCloseTo(0.6 * 0.5 + 0.4 * 1);
    expect(result[1]?.score).toBeCloseTo(0.6);
    expect(result[2]?.score).toBeCloseTo(0.4 * 0.5);
  });

  it("compares lists on different scales only by their normalised scores", () => {
    const result = combineScores([
      { scores: scores({ a: 1000, b: 500 }), weight: 0.5 },
      { scores: scores({ a: 0.1, b: 0.2 }), weight: 0.5 },
    ]);
    expect(result.map((r) => r.score)).toEqual([0.75, 0.75]);
  });

  it("leaves out a list with weight 0, so its items do not appear", () => {
    const result = combineScores([
      { scores: scores({ a: 1 }), weight: 1 },
      { scores: scores({ b: 100 }), weight: 0 },
    ]);
    expect(result).toEqual([{ key: "a", score: 1 }]);
  });

  it("returns an empty list when there is nothing to combine", () => {
    expect(combineScores([])).toEqual([]);
    expect(combineScores([{ scores: new Map<number, number>(), weight: 1 }])).toEqual([]);
  });

  it("works with numeric keys such as rowids", () => {
    const result = combineScores([
      {
        scores: new Map([
          [7, 3],
          [9, 6],
        ]),
        weight: 2,
      },
    ]);
    expect(result).toEqual([
      { key: 9, score: 2 },
      { key: 7, score: 1 },
    ]);
  });
});
