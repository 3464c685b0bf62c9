import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scifactUnseenDevClaims, unseenEvidenceClaims } from "./scifact-unseen.js";

const FIXTURE = new URL("../../test/fixtures/eval/scifact", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/scifact", import.meta.url).pathname;

describe("unseenEvidenceClaims", () => {
  it("keeps a claim only when none of its rationale sentences, trimmed, is a reference one", () => {
    const subset = unseenEvidenceClaims(
      [
        { id: "seen", sentences: ["  Aspirin lowers risk. "] },
        { id: "partly", sentences: ["New sentence.", "Aspirin lowers risk."] },
        { id: "fresh", sentences: ["Aspirin lowers risk twice."] },
        { id: "nei", sentences: [] },
      ],
      [{ id: "t", sentences: ["Aspirin lowers risk."] }],
    );
    expect([...subset.ids]).toEqual(["fresh", "nei"]);
    expect(subset).toMatchObject({ sentences: 4, seenSentences: 2 });
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
      it("finds 197 of the 300 dev claims unseen (189 of 366 rationale sentences seen)", () => {
        const subset = scifactUnseenDevClaims(SHARED);
        expect(subset.ids.size).toBe(197);
        expect(subset).toMatchObject({ sentences: 366, seenSentences: 189 });
      });
    },
  );
});
