import { describe, expect, it } from "vitest";
import { FEATURE_NAMES, type FeatureName, stanceFeatures } from "./features.js";
import { idfOf, learnIdf } from "./idf.js";
import { analyzeText } from "./text-analysis.js";

const idf = idfOf(
  learnIdf([
    "The vaccine reduces infections in adults.",
    "A meteorite fell near the town on Sunday.",
    "Officials said the bridge will open in 2021.",
    "Cats sleep most of the day.",
  ]),
);

function features(claim: string, text: string): Record<FeatureName, number> {
  const values = stanceFeatures(analyzeText(claim, idf), analyzeText(text, idf), idf);
  return Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, values[i] ?? Number.NaN])) as Record<
    FeatureName,
    number
  >;
}

describe("stanceFeatures", () => {
  it("returns one finite number per feature name", () => {
    const values = stanceFeatures(analyzeText("a", idf), analyzeText("", idf), idf);
    expect(values).toHaveLength(FEATURE_NAMES.length);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it("scores a paraphrase as more related than a text on another topic", () => {
    const claim = "The vaccine reduces infections in adults";
    const same = features(claim, "In adults, the vaccine reduced infections by half.");
    const other = features(claim, "Cats sleep most of the day.");
    expect(same.cosine).toBeGreaterThan(other.cosine);
    expect(same.coverage_idf).toBeGreaterThan(0.5);
    expect(other.coverage_idf).toBe(0);
    expect(same.char4_coverage).toBeGreaterThan(other.char4_coverage);
  });

  it("finds the best-matching sentence of a longer text", () => {
    const f = features(
      "The vaccine reduces infections in adults",
      "Cats sleep most of the day. The vaccine reduces infections in adults. Dogs bark.",
    );
    expect(f.coverage_idf_best_sentence).toBe(1);
    expect(f.best_sentence_position).toBe(0.5);
  });

  it("notices a negation beside the matched words", () => {
    const claim = "The vaccine reduces infections";
    const plain = features(claim, "The vaccine reduces infections.");
    const negated = features(claim, "The vaccine does not reduce infections.");
    expect(plain.negation_near_match).toBe(0);
    expect(negated.negation_near_match).toBeGreaterThan(0);
    expect(negated.negation_parity_differs).toBe(1);
    expect(features(claim, "The vaccine doesn't reduce infections.").negation_top).toBe(1);
  });

  it("detects a number mismatch and a matching number", () => {
    const claim = "The bridge will open in 2021 with 4 lanes";
    expect(features(claim, "The bridge will open in 2021 with 6 lanes.").number_match_share).toBe(
      0.5,
    );
    expect(features(claim, "The bridge opens in 2023 with 6 lanes.").number_mismatch_top).toBe(1);
    expect(features(claim, "The bridge opens in 2023 with 6 lanes.").year_mismatch).toBe(1);
    expect(features(claim, "The bridge will open in 2021 with 4 lanes.").number_mismatch_top).toBe(
      0,
    );
  });

  it("counts antonyms of claim words in the matching sentences", () => {
    const f = features(
      "Vaccination increases infections",
      "Vaccination was found to decrease infections.",
    );
    expect(f.antonym_top).toBe(1);
  });

  it("counts refuting and hedging cues", () => {
    expect(features("Spider bites man", "The spider story is a hoax.").refute_top).toBeGreaterThan(
      0,
    );
    expect(features("Spider bites man", "A spider allegedly bit a man.").hedge_top).toBeGreaterThan(
      0,
    );
    expect(features("Did a spider bite a man?", "A spider bit a man.").claim_question).toBe(1);
  });

  it("sees a negated or reversed best sentence as the opposite polarity of the claim", () => {
    const claim = "The vaccine reduces infections in adults";
    const same = features(claim, "The vaccine reduced infections in adults.");
    const negated = features(claim, "The vaccine did not reduce infections in adults.");
    const reversed = features(claim, "The vaccine increased infections in adults.");
    expect(same.polarity_product).toBe(1);
    expect(same.negation_parity_best).toBe(0);
    expect(negated.negation_best_near).toBe(1);
    expect(negated.negation_parity_best).toBe(1);
    expect(negated.polarity_product).toBe(-1);
    expect(reversed.direction_conflict).toBe(1);
    expect(reversed.antonym_best).toBe(1);
    expect(reversed.polarity_product).toBe(-1);
  });
});
