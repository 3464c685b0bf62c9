import { describe, expect, it } from "vitest";
import { linearFusion, minMaxNormalize, rankBy, reciprocalRankFusion } from "./hybrid-score.js";

const candidates = [
  { id: "a", lexical: 9, semantic: 0.1 },
  { id: "b", lexical: 5, semantic: 0.9 },
  { id: "c", lexical: 0, semantic: 0.5 },
];

describe("rankBy", () => {
  it("orders by the score and keeps the given order on ties", () => {
    expect(rankBy(candidates, (c) => c.lexical)).toEqual(["a", "b", "c"]);
    expect(rankBy(candidates, () => 0)).toEqual(["a", "b", "c"]);
  });
});

describe("reciprocalRankFusion", () => {
  it("puts an item both lists rank above one that only one list ranks first", () => {
    // y: 1/62 + 1/61 beats x: 1/61.
    expect(reciprocalRankFusion([["x", "y"], ["y"]])).toEqual(["y", "x"]);
  });

  it("keeps items that only one list has", () => {
    expect(reciprocalRankFusion([["x"], ["y"]]).sort()).toEqual(["x", "y"]);
  });
});

describe("minMaxNormalize", () => {
  it("maps the lowest score to 0 and the highest to 1", () => {
    expect(minMaxNormalize([2, 4, 6])).toEqual([0, 0.5, 1]);
  });

  it("gives all zeros when every score is the same", () => {
    expect(minMaxNormalize([3, 3])).toEqual([0, 0]);
  });
});

describe("linearFusion", () => {
  it("is the BM25 order at weight 0 and the embedding order at weight 1", () => {
    expect(linearFusion(candidates, 0)).toEqual(["a", "b", "c"]);
    expect(linearFusion(candidates, 1)).toEqual(["b", "c", "a"]);
  });

  it("mixes both normalised scores in between", () => {
    // b: 0.5·(5/9) + 0.5·1 = 0.78; a: 0.5·1 + 0 = 0.5; c: 0 + 0.5·0.5 = 0.25.
    expect(linearFusion(candidates, 0.5)).toEqual(["b", "a", "c"]);
  });
});
