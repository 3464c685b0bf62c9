import { describe, expect, it } from "vitest";
import type { WriteInput } from "../core/interfaces/writer.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import { planQueries } from "./plan.js";
import { understandText } from "./understand.js";
import { verifyReport } from "./verify.js";
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

describe("the extractive writer on the kinds of sources", () => {
  const politifact = {
    publisher: "PolitiFact",
    rating: "False",
    reviewedAt: "2024-03-03",
    url: "https://www.politifact.com/factchecks/2024/mar/03/x/",
  };
  const fullFact = {
    publisher: "Full Fact",
    rating: "Misleading",
    url: "https://fullfact.org/health/x/",
  };
  const sources: Source[] = [
    source(1, { publishedAt: "2021-01-01" }),
    source(2, { profile: "press-release", url: "https://maskco.example/newsroom/a" }),
    source(3, {
      publishedAt: "2020-05-01",
      url: "https://www.medrxiv.org/content/10.1101/x",
      credibilityNote: "Preprints on medrxiv.org have not been peer reviewed.",
    }),
    source(4, {
      profile: "news",
      publishedAt: "2024-03-03",
      url: politifact.url,
      factCheck: politifact,
      credibilityNote:
        "PolitiFact is a fact-checking site owned by the non-profit Poynter Institute.",
    }),
    source(5, {
      profile: "news",
      publishedAt: "2022-02-02",
      url: "https://www.bbc.com/news/a",
      independenceGroup: "org:BBC",
    }),
    source(6, { profile: "news", url: fullFact.url, factCheck: fullFact }),
    source(7, {
      profile: "news",
      publishedAt: "2022-02-03",
      url: "https://www.bbc.co.uk/news/b",
      independenceGroup: "org:BBC",
    }),
    source(8, { profile: "social", url: "https://x.com/someone/status/1" }),
  ];
  const text: Record<number, string> = {
    1: "Masks reduced influenza transmission in households.",
    2: "Our masks stop influenza, the company said.",
    3: "Masks reduced influenza infections in a preprint trial.",
    4: "PolitiFact rated the claim False.",
    5: "Masks were discussed by health officials.",
    6: "Full Fact found the claim misleading.",
    7: "A trial found masks reduced influenza.",
    8: "Masks work against influenza, a user wrote.",
  };
  const stance: Record<number, SourceAssessment["stance"]> = {
    1: "supports",
    2: "refutes",
    3: "supports",
    // As runCheck records earlier fact-checks: context, never weighed.
    4: "context",
    5: "context",
    6: "context",
    7: "supports",
    8: "supports",
  };
  const claimInput = input("Masks prevent influenza.", {
    sources,
    passages: sources.map((s) => passage(s.n, text[s.n] ?? "")),
    assessments: sources.map((s) => assessment(s.n, stance[s.n] ?? "context", text[s.n] ?? "")),
    verdict: { label: "mostly-supported", confidence: 0.6, rationale: "r" },
  });
  const report = writeReport(claimInput);
  const verified = verifyReport({
    claim: claimInput.claim,
    report,
    passages: claimInput.passages,
  });
  const keptSentences = (section: "summary" | "missingContext" | "bias") =>
    verified[section].flatMap((p) => p.sentences ?? []);
  const kept = (section: "summary" | "missingContext" | "bias", text: string, cites: number[]) => {
    const sentence = keptSentences(section).find((s) => s.text === text);
    expect(sentence, text).toBeDefined();
    expect(sentence?.cites).toEqual(cites);
    expect(sentence?.support).toBe(1);
  };

  it("names a press release, an undated source, a social post and one organisation's two pages", () => {
    kept(
      "bias",
      "[2] is an institutional press release, which may favour the organisation that issued it.",
      [2],
    );
    kept("bias", "[8] is a social-media post, not an edited publication.", [8]);
    kept(
      "bias",
      "[2] and [8] carry no publication date, so they may describe past circumstances.",
      [2, 8],
    );
    kept("bias", "[5] and [7] come from one organisation (BBC) and count as one voice.", [5, 7]);
  });

  it("gives a cited source's credibility note, including an earlier fact-check's", () => {
    kept("bias", "About [3]: Preprints on medrxiv.org have not been peer reviewed.", [3]);
    kept(
      "bias",
      "About [4]: PolitiFact is a fact-checking site owned by the non-profit Poynter Institute.",
      [4],
    );
  });

  it("mentions earlier fact-checks in the summary's first paragraph", () => {
    const first = verified.summary[0]?.sentences ?? [];
    expect(first.map((s) => s.text)).toContain(
      'Earlier fact-checks: PolitiFact rated it "False" (March 3, 2024) [4]; Full Fact rated it "Misleading" [6].',
    );
    kept(
      "summary",
      'Earlier fact-checks: PolitiFact rated it "False" (March 3, 2024) [4]; Full Fact rated it "Misleading" [6].',
      [4, 6],
    );
  });

  it("leaves earlier fact-checks out of the stance tallies, the quotes and the gaps", () => {
    kept(
      "summary",
      // [5] and [7] are one organisation's (BBC), so six sources are five independent voices.
      "The search found 6 sources (5 independent voices) that bear on this claim: 4 sources support it [1] [3] [7] [8], " +
        "one source contradicts it [2] and one source gives context without taking a side [5]; " +
        "earlier fact-checks are listed separately and not counted.",
      [1, 2, 3, 5, 7, 8],
    );
    const all = [...report.summary, ...report.missingContext, ...report.bias].flatMap(
      (p) => p.sentences ?? [],
    );
    const aboutPrior = all.filter((s) => s.cites.includes(4) || s.cites.includes(6));
    expect(aboutPrior.map((s) => s.text)).toEqual([
      'Earlier fact-checks: PolitiFact rated it "False" (March 3, 2024) [4]; Full Fact rated it "Misleading" [6].',
      "About [4]: PolitiFact is a fact-checking site owned by the non-profit Poynter Institute.",
    ]);
  });

  it("says when earlier fact-checks are all there is", () => {
    const only = input("Masks prevent influenza.", {
      sources: [source(1, { profile: "news", url: politifact.url, factCheck: politifact })],
      passages: [passage(1, text[4] ?? "")],
      assessments: [assessment(1, "context", text[4] ?? "")],
    });
    const summary = verifyReport({
      claim: only.claim,
      report: writeReport(only),
      passages: only.passages,
    })
      .summary.flatMap((p) => p.sentences ?? [])
      .map((s) => s.text);
    expect(summary[0]).toMatch(/^Apart from earlier fact-checks, no source bears on this claim/);
    expect(summary).toContain(
      'An earlier fact-check: PolitiFact rated it "False" (March 3, 2024) [1].',
    );
  });

  it("uses the plural for several press releases and names blog posts", () => {
    const several = input("Masks prevent influenza.", {
      sources: [
        source(1, { profile: "press-release", publishedAt: "2024-01-01" }),
        source(2, { profile: "press-release", publishedAt: "2024-01-02" }),
        source(3, { profile: "blog", publishedAt: "2024-01-03" }),
      ],
    });
    const bias = writeReport(several)
      .bias.flatMap((p) => p.sentences ?? [])
      .map((s) => s.text);
    expect(bias).toContain(
      "[1] and [2] are institutional press releases, which may favour the organisations that issued them.",
    );
    expect(bias).toContain("[3] is a blog post, which may not have been independently edited.");
  });
});
