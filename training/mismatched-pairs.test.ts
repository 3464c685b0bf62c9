import { describe, expect, it } from "vitest";
import { mismatchedPairs } from "./mismatched-pairs.ts";
import type { LabelledPair } from "./science-data.ts";

const pair = (claim: string, text: string, group: string): LabelledPair => ({
  claim,
  text,
  context: { title: `${group} title` },
  label: "agree",
  group,
  source: "covidfact",
});

const pairs = [
  pair("Masks reduce spread.", "Masks cut transmission by half.", "a"),
  pair("Masks reduce spread.", "Mask wearers were infected less often.", "a"),
  pair("Vitamin D prevents COVID-19.", "Vitamin D did not lower infection rates.", "b"),
  pair("Remdesivir shortens recovery.", "Patients on remdesivir recovered faster.", "c"),
];

describe("mismatchedPairs", () => {
  it("pairs a claim with another group's evidence, labelled unrelated, in the claim's group", () => {
    const out = mismatchedPairs(pairs, 1, 3);
    expect(out.length).toBe(pairs.length);
    for (const m of out) {
      const own = pairs.find((p) => p.claim === m.claim);
      expect(m.label).toBe("unrelated");
      expect(m.group).toBe(own?.group);
      const lender = pairs.find((p) => p.text === m.text);
      expect(lender?.group).not.toBe(m.group);
      expect(m.source).toBe("covidfact");
    }
  });

  it("leaves every other mismatch without context, so bare texts learn it too", () => {
    const out = mismatchedPairs(pairs, 1, 3);
    expect(out.filter((m) => m.context === undefined).length).toBe(Math.ceil(out.length / 2));
  });

  it("is seeded, draws about its share, and makes nothing from a single group", () => {
    expect(mismatchedPairs(pairs, 1, 9)).toEqual(mismatchedPairs(pairs, 1, 9));
    const many = Array.from({ length: 400 }, (_, i) => pair(`Claim ${i}.`, `Text ${i}.`, `g${i}`));
    const n = mismatchedPairs(many, 0.25, 1).length;
    expect(n).toBeGreaterThan(60);
    expect(n).toBeLessThan(140);
    expect(mismatchedPairs(pairs.slice(0, 2), 1, 1)).toEqual([]);
  });
});
