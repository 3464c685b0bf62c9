import { describe, expect, it } from "vitest";
import type { Passage } from "../core/schema/document.js";
import type { Report } from "../core/schema/report.js";
import { understandText } from "./understand.js";
import { verifyReport } from "./verify.js";

const claim = understandText("Vitamin D prevents influenza.");
const passages: Passage[] = [
  {
    sourceN: 1,
    documentId: "a",
    text: "Vitamin D supplementation reduced influenza A incidence in schoolchildren.",
    start: 0,
    end: 70,
    score: 1,
  },
];
const report = (sentences: Report["summary"][number]["sentences"]): Report => ({
  summary: [{ text: "x", cites: [1], sentences }],
  missingContext: [],
  bias: [],
  relatedQuestions: ["a?", "b?", "c?", "d?", "e?"],
  disclaimer: "d",
});

describe("verify", () => {
  it("gives a verbatim quote of its cited source full support", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        {
          text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [1]',
          cites: [1],
          basis: "sources",
        },
      ]),
    });
    expect(out.summary[0]?.sentences?.[0]?.support).toBe(1);
    expect(out.verification?.supportedShare).toBe(1);
  });

  it("drops a sentence its source does not support and counts it", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        {
          text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [1]',
          cites: [1],
          basis: "sources",
        },
        {
          text: "Vitamin D cures cancer and heart disease in adults [1]",
          cites: [1],
          basis: "sources",
        },
      ]),
    });
    expect(out.summary[0]?.sentences?.map((s) => s.text)).toHaveLength(1);
    expect(out.verification).toMatchObject({
      sentences: 2,
      supported: 1,
      dropped: 1,
      supportedShare: 0.5,
    });
  });

  it("never supports a citation of a source the check did not keep", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        {
          text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [7]',
          cites: [7],
          basis: "sources",
        },
      ]),
    });
    // The only sentence of the section stays, flagged with its zero support.
    expect(out.summary[0]?.sentences?.[0]?.support).toBe(0);
    expect(out.verification).toMatchObject({ flagged: 1, supported: 0 });
  });

  it("checks sentences about the input against the input's words", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        { text: 'The claim says "prevents".', cites: [1], basis: "input" },
        { text: 'The claim says "always".', cites: [1], basis: "input" },
      ]),
    });
    expect(out.summary[0]?.sentences?.map((s) => s.support)).toEqual([1]);
  });
});
