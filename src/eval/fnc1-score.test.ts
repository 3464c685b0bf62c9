import { describe, expect, it } from "vitest";
import { pairScore, scoreFnc1 } from "./fnc1-score.js";

describe("scoreFnc1", () => {
  it("gives 1 for an exact related stance, 0.25 for correct unrelated or a wrong related stance", () => {
    expect(pairScore("agree", "agree")).toBe(1);
    expect(pairScore("unrelated", "unrelated")).toBe(0.25);
    expect(pairScore("agree", "discuss")).toBe(0.25);
    expect(pairScore("disagree", "unrelated")).toBe(0);
    expect(pairScore("unrelated", "discuss")).toBe(0);
  });

  it("computes MAX, NULL and the relative score as the official scorer does", () => {
    const gold = ["agree", "disagree", "discuss", "unrelated", "unrelated"] as const;
    const s = scoreFnc1(gold, ["agree", "discuss", "unrelated", "unrelated", "agree"]);
    expect(s.max).toBe(3.5);
    expect(s.null).toBe(0.5);
    expect(s.score).toBe(1 + 0.25 + 0 + 0.25 + 0);
    expect(s.relative).toBeCloseTo(1.5 / 3.5);
    expect(s.accuracy).toBeCloseTo(2 / 5);
  });

  it("fills the confusion matrix with gold rows and predicted columns", () => {
    const s = scoreFnc1(["agree", "unrelated"], ["discuss", "unrelated"]);
    expect(s.confusion).toEqual([
      [0, 0, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(s.perClass.unrelated).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.perClass.agree.f1).toBe(0);
  });

  it("scores predicting unrelated everywhere as NULL and perfect predictions as MAX", () => {
    const gold = ["agree", "discuss", "unrelated"] as const;
    expect(scoreFnc1(gold, ["unrelated", "unrelated", "unrelated"]).score).toBe(0.25);
    expect(scoreFnc1(gold, [...gold]).relative).toBe(1);
  });

  it("refuses predictions of another length", () => {
    expect(() => scoreFnc1(["agree"], [])).toThrow(RangeError);
  });
});
