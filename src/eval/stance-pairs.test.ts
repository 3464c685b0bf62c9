import { describe, expect, it } from "vitest";
import { createStanceAssessor, type StancePredictor } from "../assess/stance-assessor.js";
import { Source } from "../core/schema/source.js";
import { HEALTHVER_SCHEME } from "../data/label-mappings.js";
import type { StancePair } from "../data/stance-pairs.js";
import { pairInput, runStancePairs } from "./stance-pairs.js";

// A stand-in stance model: "not" disagrees, "shown" agrees, anything else is unrelated.
const stance: StancePredictor = {
  id: "stand-in",
  predict: (_c, text) =>
    /\bnot\b/.test(text)
      ? { agree: 0.05, disagree: 0.85, discuss: 0.05, unrelated: 0.05 }
      : /\bshown\b/.test(text)
        ? { agree: 0.9, disagree: 0.02, discuss: 0.04, unrelated: 0.04 }
        : { agree: 0.02, disagree: 0.02, discuss: 0.06, unrelated: 0.9 },
};

const pair = (id: string, evidence: string, gold: StancePair<string>["gold"]) => ({
  id,
  claimId: id,
  claim: "Masks reduce the spread of COVID-19.",
  evidence,
  gold,
});

describe("runStancePairs", () => {
  it("maps the assessor's stance on each pair onto the labels and scores them", async () => {
    const result = await runStancePairs(
      {
        name: "tiny",
        pairs: [
          pair("1", "Masks were shown to reduce the spread.", "Supports"),
          pair("2", "Masks did not reduce the spread.", "Refutes"),
          pair("3", "The weather was fine.", "Neutral"),
          pair("4", "Masks did not reduce the spread.", "Supports"),
        ],
      },
      { assessor: createStanceAssessor(stance), scheme: HEALTHVER_SCHEME },
    );
    expect(result.outcomes.map((o) => [o.stance, o.predicted])).toEqual([
      ["supports", "Supports"],
      ["refutes", "Refutes"],
      ["irrelevant", "Neutral"],
      ["refutes", "Refutes"],
    ]);
    expect(result.metrics.accuracy).toBe(0.75);
    expect(result.stances).toEqual({ supports: 1, refutes: 2, irrelevant: 1 });
    expect(result.fellBack).toBe(0);
  });

  it("runs only the first N pairs with a limit", async () => {
    const result = await runStancePairs(
      { name: "tiny", pairs: [pair("1", "x y", "Neutral"), pair("2", "x y", "Neutral")] },
      { assessor: createStanceAssessor(stance), scheme: HEALTHVER_SCHEME, limit: 1 },
    );
    expect(result.pairs).toBe(1);
  });
});

describe("pairInput", () => {
  it("gives the assessor one valid source whose one passage is the whole evidence", () => {
    const input = pairInput(pair("7", "Masks were shown to work.", "Supports"));
    expect(Source.parse(input.sources[0])).toMatchObject({ n: 1, documentId: "7" });
    expect(input.passages).toEqual([
      {
        sourceN: 1,
        documentId: "7",
        text: "Masks were shown to work.",
        start: 0,
        end: 25,
        score: 1,
      },
    ]);
    expect(input.claim.normalized).toBe("Masks reduce the spread of COVID-19.");
  });
});
