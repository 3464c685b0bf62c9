import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerText, loadAveritec } from "./averitec-data.js";

const FIXTURE = new URL("../../test/fixtures/eval/averitec-subset", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/averitec-subset", import.meta.url).pathname;

describe("loadAveritec", () => {
  it("checks one part's claims against the question–answer pairs of every claim", () => {
    const set = loadAveritec(FIXTURE, "report");
    expect(set.claims.map((c) => [c.id, c.gold])).toEqual([
      ["0", "Refuted"],
      ["2", "Supported"],
      ["3", "Conflicting Evidence/Cherrypicking"],
    ]);
    // Claim 1 is in the train part, but its QA pair is still in the corpus.
    expect(set.documents.map((d) => d.id)).toEqual(["0:0", "1:0", "2:0", "2:1", "3:0"]);
    expect(set.claims[1]?.evidence).toEqual(["2:0", "2:1"]);
    expect(loadAveritec(FIXTURE, "train").claims.map((c) => c.gold)).toEqual([
      "Not Enough Evidence",
    ]);
  });

  it("titles a document with its question and leaves out unanswerable questions", () => {
    const set = loadAveritec(FIXTURE, "report");
    expect(set.documents[0]).toEqual({
      id: "0:0",
      title: "Does drinking bleach prevent COVID-19 infection?",
      text: "No. Health agencies warn that drinking bleach is poisonous and does not prevent COVID-19 infection.",
    });
    expect(set.notes?.[0]).toMatch(
      /5 question–answer documents from all 4 claims; 1 question with no answer left out/,
    );
  });

  it("joins several answers to one question", () => {
    expect(
      answerText([
        { answer: "232", answer_type: "Abstractive" },
        { answer: "Donald Trump won 232 electoral votes.", answer_type: "Extractive" },
      ]),
    ).toBe("232 Donald Trump won 232 electoral votes.");
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real claims-999.json (needs ../shared/data/averitec-subset; skipped when it is absent)",
    () => {
      it("splits the 999 claims, repeated texts on one side", () => {
        const report = loadAveritec(SHARED, "report");
        const train = loadAveritec(SHARED, "train");
        expect(report.claims.length + train.claims.length).toBe(999);
        const reportTexts = new Set(report.claims.map((c) => c.text));
        expect(train.claims.some((c) => reportTexts.has(c.text))).toBe(false);
      });
    },
  );
});
