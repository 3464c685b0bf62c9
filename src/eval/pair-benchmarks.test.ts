import { describe, expect, it } from "vitest";
import type { WiceLabel } from "../data/label-mappings.js";
import { wiceTwoWayViews } from "./pair-benchmarks.js";
import type { PairOutcome } from "./stance-pairs.js";

let n = 0;
const o = (claimId: string, gold: WiceLabel, predicted: WiceLabel): PairOutcome<WiceLabel> => ({
  id: `${claimId}#${n++}`,
  claimId,
  claim: "c",
  gold,
  predicted,
  stance: predicted === "supported" ? "supports" : "context",
  confidence: 0.5,
});

describe("wiceTwoWayViews", () => {
  const [pairs, claims] = wiceTwoWayViews([
    o("a", "supported", "not_supported"),
    o("a", "supported", "supported"),
    o("b", "partially_supported", "supported"),
    o("c", "not_supported", "not_supported"),
  ]);

  it("scores supported against the rest per pair", () => {
    expect(pairs?.count).toBe(4);
    expect(pairs?.metrics.confusion).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it("counts a claim supported when any of its chunks is", () => {
    expect(claims?.count).toBe(3);
    expect(claims?.metrics.confusion).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
});
