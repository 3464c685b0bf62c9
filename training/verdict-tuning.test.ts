import { describe, expect, it } from "vitest";
import type { StancePredictor } from "../dist/assess/stance-assessor.js";
import type { Source } from "../dist/core/schema/source.js";
import { SCIFACT_SCHEME } from "../dist/data/label-mappings.js";
import { understandText } from "../dist/pipeline/understand.js";
import { fitCalibration } from "../dist/pipeline/verdict-calibration.js";
import {
  foldOf,
  memoised,
  type PreparedClaim,
  scoreSetting,
  searchGrid,
} from "./verdict-tuning.ts";

const source = (n: number): Source => ({
  n,
  title: `Source ${n}`,
  fetchedAt: "2026-01-01T00:00:00.000Z",
  contentHash: "0".repeat(64),
  profile: "academic",
  independenceGroup: `document:${n}`,
  status: "ok",
});

// A stance model that reads "reduced" as agreeing and "did not" as disagreeing.
const reader: StancePredictor = {
  id: "fixture",
  predict: (_claim, text) =>
    /did not/.test(text)
      ? { agree: 0.05, disagree: 0.8, discuss: 0.1, unrelated: 0.05 }
      : /reduced/.test(text)
        ? { agree: 0.8, disagree: 0.05, discuss: 0.1, unrelated: 0.05 }
        : { agree: 0.02, disagree: 0.02, discuss: 0.16, unrelated: 0.8 },
};

function prepared(text: string, passage: string, gold: PreparedClaim["gold"]): PreparedClaim {
  return {
    set: "fixture",
    claim: understandText(text),
    gold,
    scheme: SCIFACT_SCHEME,
    sources: [source(1)],
    passages: [
      {
        sourceN: 1,
        documentId: "d1",
        text: passage,
        start: 0,
        end: passage.length,
        score: 1,
        subjectFound: "passage",
      },
    ],
    model: memoised(reader),
  };
}

const claims = [
  prepared("Masks reduce spread.", "Masks reduced spread in the trial.", "SUPPORT"),
  prepared("Masks reduce deaths.", "Masks did not reduce deaths.", "REFUTE"),
  prepared("Masks cure boredom.", "The bridge opened on Monday.", "NEI"),
];

describe("verdict tuning", () => {
  it("puts a claim group in the same fold every time", () => {
    expect(foldOf("scifact:1,2")).toBe(foldOf("scifact:1,2"));
    const folds = new Set(Array.from({ length: 200 }, (_, i) => foldOf(`g${i}`)));
    expect(folds.size).toBe(5);
  });

  it("scores settings with the real assessor and judge, best first", async () => {
    const results = await searchGrid(claims, {
      evidenceAt: [0.1, 0.99],
      direction: [[0.6, 0.4]],
      relevancePower: [0],
      minWeight: [0.05],
      supportShare: [0.6],
    });
    expect(results).toHaveLength(2);
    expect(results[0]?.setting.evidenceAt).toBe(0.1);
    expect(results[0]?.perSet.fixture?.accuracy).toBe(1);
    // At 0.99 nothing counts as evidence but the negative result against a claim of benefit.
    expect(results[1]?.perSet.fixture?.unverified).toBeCloseTo(2 / 3, 9);
  });

  it("measures a gate by switching it off", async () => {
    const setting = {
      evidenceAt: 0.1,
      supportDirection: 0.6,
      refuteDirection: 0.4,
      relevancePower: 0,
      minWeight: 0.05,
      supportShare: 0.6,
    };
    const methods = prepared(
      "Masks reduce spread.",
      "METHODS Masks reduced spread in the trial.",
      "NEI",
    );
    methods.passages = methods.passages.map((p) => ({ ...p, section: "methods" }));
    const on = await scoreSetting([methods], setting);
    const off = await scoreSetting([methods], setting, { setup: false });
    expect(on.perSet.fixture?.accuracy).toBe(1);
    expect(off.perSet.fixture?.accuracy).toBe(0);
  });
});

describe("fitCalibration", () => {
  it("never splits verdicts of equal weight between two bins", () => {
    // Eight unsettled verdicts with no evidence at all (weight 0), half of them right, then four
    // with some evidence, all wrong: four bins of three would cut the zeros in two.
    const outcomes = [
      ...Array.from({ length: 8 }, (_, i) => ({
        side: "unsettled" as const,
        weight: 0,
        correct: i % 2 === 0,
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        side: "unsettled" as const,
        weight: 0.2 + i / 10,
        correct: false,
      })),
    ];
    expect(fitCalibration("fixture", outcomes, 4).sides.unsettled).toEqual([
      [0, 0.5],
      [Number.POSITIVE_INFINITY, 0],
    ]);
  });

  it("gives each bin the accuracy seen in it, rising with the weight of evidence", () => {
    const outcomes = [
      ...Array.from({ length: 10 }, (_, i) => ({
        side: "supports" as const,
        weight: 0.1 + i / 100,
        correct: i < 4,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        side: "supports" as const,
        weight: 0.8 + i / 100,
        correct: i < 9,
      })),
    ];
    const table = fitCalibration("fixture", outcomes, 2);
    expect(table.sides.supports).toEqual([
      [0.19, 0.4],
      [Number.POSITIVE_INFINITY, 0.9],
    ]);
  });

  it("pools bins that would make more evidence mean less confidence", () => {
    const outcomes = [
      ...Array.from({ length: 10 }, (_, i) => ({
        side: "refutes" as const,
        weight: i / 100,
        correct: i < 8,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        side: "refutes" as const,
        weight: 1 + i / 100,
        correct: i < 6,
      })),
    ];
    expect(fitCalibration("fixture", outcomes, 2).sides.refutes).toEqual([
      [Number.POSITIVE_INFINITY, 0.7],
    ]);
  });
});
