import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scifactUnseenDevClaims, unseenEvidenceClaims } from "./scifact-unseen.js";

const FIXTURE = new URL("../../test/fixtures/eval/scifact", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/scifact", import.meta.url).pathname;

describe("unseenEvidenceClaims", () => {
  it("keeps a claim only when none of its evidence abstracts is a reference claim's evidence", () => {
    const subset = unseenEvidenceClaims(
      [
        { id: "seen", documents: ["a"], sentences: ["  Aspirin lowers risk. "] },
        {
          id: "partly",
          documents: ["b", "a"],
          sentences: ["New sentence.", "Aspirin lowers risk."],
        },
        { id: "other sentence, same abstract", documents: ["a"], sentences: ["Aspirin is cheap."] },
        { id: "fresh", documents: ["c"], sentences: ["Aspirin lowers risk twice."] },
        { id: "nei", documents: [], sentences: [] },
      ],
      [{ id: "t", documents: ["a"], sentences: ["Aspirin lowers risk."] }],
    );
    expect([...subset.ids]).toEqual(["fresh", "nei"]);
    expect(subset).toMatchObject({ sentences: 5, seenSentences: 2 });
  });
});

describe("scifactUnseenDevClaims", () => {
  it("reads rationale sentences from the abstracts the evidence points at", () => {
    const subset = scifactUnseenDevClaims(FIXTURE);
    // Claim 1's and one of claim 3's sentences are train rationales; claim 4 is NEI.
    expect([...subset.ids].sort()).toEqual(["2", "4"]);
    expect(subset).toMatchObject({ sentences: 4, seenSentences: 2 });
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real SciFact files (needs ../shared/data/scifact; skipped when it is absent)",
    () => {
      it("finds 188 of the 300 dev claims unseen (189 of 366 rationale sentences seen)", () => {
        const subset = scifactUnseenDevClaims(SHARED);
        expect(subset.ids.size).toBe(188);
        expect(subset).toMatchObject({ sentences: 366, seenSentences: 189 });
      });
    },
  );
});
