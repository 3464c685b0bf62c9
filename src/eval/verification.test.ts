import { describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { createStanceAssessor, type StancePredictor } from "../assess/stance-assessor.js";
import { SCIFACT_SCHEME } from "../data/label-mappings.js";
import type { VerificationSet } from "../data/verification-data.js";
import { type ClaimOutcome, runVerification, scoreOutcomes } from "./verification.js";

function outcome(partial: Partial<ClaimOutcome>): ClaimOutcome {
  return {
    id: "x",
    claim: "A claim.",
    gold: "NEI",
    predicted: "NEI",
    verdict: "unverified",
    confidence: 0.7,
    evidence: [],
    evidenceFound: [],
    sources: [],
    fallbacks: [],
    ...partial,
  };
}

describe("scoreOutcomes", () => {
  const outcomes = [
    outcome({
      gold: "SUPPORT",
      predicted: "SUPPORT",
      verdict: "supported",
      confidence: 0.9,
      evidence: ["a", "b"],
      evidenceFound: ["a"],
      sources: ["a", "c", "d", "e"],
    }),
    outcome({ gold: "REFUTE", evidence: ["f"], sources: ["g"] }),
    outcome({ gold: "NEI", sources: ["h", "i"] }),
    outcome({ gold: "NEI", predicted: "REFUTE", verdict: "misleading", confidence: 0.5 }),
  ];
  const m = scoreOutcomes(outcomes, SCIFACT_SCHEME);

  it("gives the share of unverified verdicts", () => {
    expect(m.unverified).toBe(0.5);
  });

  it("counts evidence recall over every annotated document and precision over claims with evidence", () => {
    expect(m.evidence_recall).toBeCloseTo(1 / 3);
    // 1 found of the 5 sources kept by the two claims that had evidence to find.
    expect(m.evidence_precision).toBeCloseTo(1 / 5);
  });

  it("calibrates the verdicts' confidence against whether the mapped label was right", () => {
    // 0.5 wrong (gap 0.5), 0.7 ×2 one right (gap 0.2), 0.9 right (gap 0.1): (0.5 + 0.4 + 0.1) / 4.
    expect(m.ece).toBeCloseTo(0.25);
    expect(m.calibration[7]).toMatchObject({ count: 2, accuracy: 0.5 });
  });

  it("scores the labels with the confusion matrix in the scheme's order", () => {
    expect(m.accuracy).toBe(0.5);
    expect(m.confusion).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
  });
});

describe("runVerification", () => {
  // A stand-in stance model: agrees with text that says "reduced", is unrelated otherwise.
  const stance: StancePredictor = {
    id: "stand-in",
    predict: (_c, text) =>
      /reduced/.test(text)
        ? { agree: 0.9, disagree: 0.02, discuss: 0.04, unrelated: 0.04 }
        : { agree: 0.02, disagree: 0.02, discuss: 0.06, unrelated: 0.9 },
  };
  const set: VerificationSet = {
    name: "tiny",
    documents: [
      {
        id: "a",
        title: "Vitamin D trial",
        text: "Vitamin D supplements reduced influenza in schoolchildren.",
      },
      { id: "b", title: "Bridges", text: "The new bridge opened to traffic on Monday." },
    ],
    claims: [
      {
        id: "1",
        text: "Vitamin D supplements reduce influenza in schoolchildren.",
        gold: "SUPPORT",
        evidence: ["a"],
      },
      { id: "2", text: "Quantum tunnelling powers migratory birds.", gold: "NEI", evidence: [] },
    ],
  };

  it("keeps every claim's outcome: labels, confidence, evidence found and sources kept", async () => {
    const result = await runVerification(set, {
      deps: (store) => ({
        ...offlineCheckDependencies(store),
        assessor: createStanceAssessor(stance),
      }),
      scheme: SCIFACT_SCHEME,
    });
    expect(result.outcomes).toHaveLength(2);
    const [first, second] = result.outcomes;
    expect(first).toMatchObject({
      id: "1",
      gold: "SUPPORT",
      evidence: ["a"],
      evidenceFound: ["a"],
    });
    expect(first?.sources).toContain("a");
    expect(first?.predicted).toBe(SCIFACT_SCHEME.fromVerdict[first?.verdict ?? "unverified"]);
    expect(second).toMatchObject({ id: "2", verdict: "unverified", predicted: "NEI" });
    expect(result.metrics.evidence_recall).toBe(1);
    expect(result.fellBack).toBe(0);
  });
});
