import { describe, expect, it } from "vitest";
import type { WriteInput } from "../core/interfaces/writer.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import { planQueries } from "./plan.js";
import { understandText } from "./understand.js";
import { writeReport } from "./write.js";

const source = (n: number, extra: Partial<Source> = {}): Source => ({
  n,
  title: `Source ${n}`,
  fetchedAt: "2026-01-01T00:00:00.000Z",
  contentHash: "0".repeat(64),
  profile: "academic",
  independenceGroup: `document:${n}`,
  status: "ok",
  ...extra,
});
const passage = (sourceN: number, text: string): Passage => ({
  sourceN,
  documentId: `d${sourceN}`,
  text,
  start: 0,
  end: text.length,
  score: 0.9,
});
const assessment = (
  sourceN: number,
  stance: SourceAssessment["stance"],
  quote: string,
): SourceAssessment => ({
  sourceN,
  stance,
  quote,
  reason: "r",
  confidence: 0.8,
});

function input(text: string, overrides: Partial<WriteInput> = {}): WriteInput {
  const claim = understandText(text);
  const plan = planQueries(claim);
  return {
    claim,
    plan,
    sources: [],
    passages: [],
    assessments: [],
    verdict: { label: "unverified", confidence: 0.7, rationale: "r" },
    foundBy: new Map(),
    ...overrides,
  };
}

const sentencesOf = (report: ReturnType<typeof writeReport>) =>
  [...report.summary, ...report.missingContext, ...report.bias].flatMap((p) => p.sentences ?? []);

describe("the extractive writer", () => {
  const evidence = input("Vitamin D always prevents influenza.", {
    sources: [
      source(1, { publishedAt: "2021-01-01" }),
      source(2, { profile: "press-release", url: "https://x.gov/newsroom/a" }),
    ],
    passages: [
      passage(1, "Vitamin D reduced influenza A in schoolchildren."),
      passage(2, "Vitamin D did not prevent influenza in adults, however."),
    ],
    assessments: [
      assessment(1, "supports", "Vitamin D reduced influenza A in schoolchildren."),
      assessment(2, "refutes", "Vitamin D did not prevent influenza in adults, however."),
    ],
    verdict: { label: "misleading", confidence: 0.5, rationale: "r" },
  });

  it("cites at least one source in every sentence when there are sources", () => {
    const report = writeReport(evidence);
    for (const s of sentencesOf(report)) expect(s.cites.length).toBeGreaterThan(0);
    expect(report.summary[0]?.text).toMatch(
      /one source supports it \[1\] and one source contradicts it \[2\]/,
    );
  });

  it("quotes the sources verbatim, attributed, in the summary", () => {
    const report = writeReport(evidence);
    expect(report.summary.map((p) => p.text).join(" ")).toContain(
      'In support, one source states: "Vitamin D reduced influenza A in schoolchildren." [1]',
    );
  });

  it("puts absolute wording, press releases and undated sources in section 3", () => {
    const bias = writeReport(evidence)
      .bias.map((p) => p.text)
      .join(" ");
    expect(bias).toMatch(/absolute wording \("always"\)/);
    expect(bias).toMatch(/\[2\] is an institutional press release/);
    expect(bias).toMatch(/\[2\] carries no publication date/);
  });

  it("names what a question presupposes", () => {
    const report = writeReport(
      input("How are ICE tactical operations coordinated between ERO and HSI divisions?"),
    );
    expect(report.bias[0]?.text).toMatch(/^Asking "how" presupposes/);
  });

  it("says what the searches did not find, as missing context", () => {
    const report = writeReport(input("Vitamin D prevents influenza."));
    const text = report.missingContext.map((p) => p.text).join(" ");
    expect(text).toMatch(
      /The search for evidence against the claim \(".*"\) found no source that disputes the claim/,
    );
  });

  it("writes five distinct follow-up questions", () => {
    for (const claim of [
      evidence,
      input("Masks reduce transmission and vaccines prevent death."),
    ]) {
      const questions = writeReport(claim).relatedQuestions;
      expect(questions).toHaveLength(5);
      expect(new Set(questions).size).toBe(5);
      for (const q of questions) expect(q).toMatch(/\?$/);
    }
  });
});
