import { describe, expect, it } from "vitest";
import type { WriteInput } from "../core/interfaces/writer.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";
import { evidenceBalance } from "./evidence-balance.js";
import { judge } from "./judge.js";
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
const said = (sourceN: number, stance: Stance, confidence = 0.8): SourceAssessment => ({
  sourceN,
  stance,
  quote: `Passage of source ${sourceN}.`,
  reason: "r",
  confidence,
});
const passage = (sourceN: number, score = 1): Passage => ({
  sourceN,
  documentId: `d${sourceN}`,
  text: `Passage of source ${sourceN}.`,
  start: 0,
  end: 20,
  score,
});

/** Judges and writes one check, as runCheck does, and returns the two sentences. */
function check(
  text: string,
  sources: Source[],
  assessments: SourceAssessment[],
  passages: Passage[] = sources.map((s) => passage(s.n)),
) {
  const claim = understandText(text);
  const verdict = judge(claim, sources, assessments, passages);
  const input: WriteInput = {
    claim,
    plan: planQueries(claim),
    sources,
    passages,
    assessments,
    verdict,
    foundBy: new Map(),
  };
  const report = writeReport(input);
  return { verdict, summary: report.summary[0]?.sentences?.[0]?.text ?? "" };
}

const NUMBER: Record<string, number> = { one: 1, none: 0 };
const STANCE_WORDS: Array<[RegExp, string]> = [
  [/^supports?\b/, "supports"],
  [/^contradicts?\b/, "refutes"],
  [/^(is|are) mixed\b/, "mixed"],
  [/^gives? context\b/, "context"],
  [/^address(es)? it directly\b/, "direct"],
  [/^touch(es)? on it\b/, "touch"],
];

/** "4 sources (3 independent voices) support it" → { supports: 4 }, for every such phrase. */
function countsIn(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/\b(one|\d+) sources?(?: \([^)]*\))? ([a-z ]+)/gi)) {
    const n = NUMBER[(m[1] ?? "").toLowerCase()] ?? Number(m[1]);
    const rest = m[2] ?? "";
    const stance = STANCE_WORDS.find(([re]) => re.test(rest))?.[1];
    if (stance) out[stance] = n;
  }
  return out;
}

describe("the evidence balance", () => {
  const claim = "Vitamin D prevents influenza.";
  const sets: Array<[string, Source[], SourceAssessment[], Passage[]?]> = [
    [
      "two confident supporters, two unsure contradictors",
      [1, 2, 3, 4].map((n) => source(n)),
      [said(1, "supports"), said(2, "supports"), said(3, "refutes", 0.3), said(4, "refutes", 0.3)],
    ],
    [
      "supporters, mixed and context",
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => source(n)),
      [
        said(1, "supports"),
        said(2, "context"),
        said(3, "mixed"),
        said(4, "supports"),
        said(5, "supports"),
        said(6, "supports"),
        said(7, "mixed"),
        said(8, "mixed"),
      ],
    ],
    [
      "one publisher's three pages",
      [
        source(1, { independenceGroup: "org:X" }),
        source(2, { independenceGroup: "org:X" }),
        source(3, { independenceGroup: "org:X" }),
        source(4),
      ],
      [said(1, "supports"), said(2, "supports"), said(3, "supports"), said(4, "context")],
    ],
    [
      "divided",
      [1, 2, 3, 4].map((n) => source(n)),
      [said(1, "supports"), said(2, "supports"), said(3, "refutes"), said(4, "refutes")],
    ],
    [
      "only contradictors",
      [1, 2, 3].map((n) => source(n)),
      [said(1, "refutes"), said(2, "refutes"), said(3, "irrelevant")],
    ],
    [
      "one loose contradictor among context",
      [1, 2, 3].map((n) => source(n)),
      [said(1, "refutes", 0.45), said(2, "context"), said(3, "context")],
      [passage(1, 0.4), passage(2), passage(3)],
    ],
  ];

  for (const [name, sources, assessments, passages] of sets) {
    it(`states the same counts in the rationale and the summary: ${name}`, () => {
      const { verdict, summary } = check(claim, sources, assessments, passages);
      const stated = countsIn(verdict.rationale);
      const summarised = countsIn(summary);
      expect(Object.keys(stated).length, verdict.rationale).toBeGreaterThan(0);
      for (const [stance, n] of Object.entries(stated)) {
        if (n === 0) continue; // "none contradicts it": the summary names no such group
        expect(summarised[stance], `${verdict.rationale} | ${summary}`).toBe(n);
      }
      for (const stance of ["supports", "refutes", "mixed"] as const) {
        expect(summarised[stance] ?? 0).toBe(verdict.balance?.[stance].sources);
      }
    });
  }

  it("never says none contradicts a claim that sources contradict (issue 14)", () => {
    const [, sources, assessments, passages] = sets[0] ?? [];
    const { verdict, summary } = check(claim, sources ?? [], assessments ?? [], passages);
    expect(["supported", "mostly-supported"]).toContain(verdict.label);
    expect(verdict.rationale).not.toMatch(/4 independent sources support the claim/);
    expect(verdict.rationale).not.toMatch(/none contradicts/);
    expect(verdict.rationale).toMatch(
      /the weight of the evidence supports the claim \(\d+%\): 2 sources support it and 2 sources contradict it\.$/,
    );
    expect(summary).toMatch(
      /2 sources support it \[1\] \[2\] and 2 sources contradict it \[3\] \[4\]/,
    );
  });

  it("says one source that bears, not one source that bear (issue 15)", () => {
    const { summary } = check("Vitamin D prevents colds.", [source(1)], [said(1, "supports")]);
    expect(summary).toMatch(/^The search found one source that bears on this claim: /);
  });

  it("does not say sources address a question they only touch on (issue 14)", () => {
    const sources = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => source(n));
    const question = "How long does the coronavirus survive on surfaces?";
    const { verdict, summary } = check(
      question,
      sources,
      sources.map((s) => said(s.n, "context")),
    );
    expect(verdict.rationale).not.toMatch(/address the question/);
    expect(verdict.rationale).toBe(
      "8 sources bear on the question, but none addresses it directly; they only touch on it.",
    );
    expect(summary).toMatch(
      /^The search found 8 sources that bear on this question: 8 sources touch on it/,
    );
  });

  it("names independent voices where sources share an owner", () => {
    const [, sources, assessments] = sets[2] ?? [];
    const { verdict, summary } = check(claim, sources ?? [], assessments ?? []);
    expect(verdict.rationale).toBe(
      "3 sources (one independent voice) support the claim and none contradicts it.",
    );
    expect(summary).toMatch(
      /^The search found 4 sources \(2 independent voices\) that bear on this claim: 3 sources \(one independent voice\) support it \[1\] \[2\] \[3\]/,
    );
  });

  it("counts per stance, voices and the judge's weight shares", () => {
    const sources = [
      source(1, { independenceGroup: "org:X" }),
      source(2, { independenceGroup: "org:X" }),
      source(3),
      source(4),
    ];
    const balance = evidenceBalance(
      sources,
      [said(1, "supports"), said(2, "supports"), said(3, "refutes"), said(4, "irrelevant")],
      { supports: 0.6, refutes: 0.2 },
    );
    expect(balance).toEqual({
      supports: { sources: 2, voices: 1, cites: [1, 2] },
      refutes: { sources: 1, voices: 1, cites: [3] },
      mixed: { sources: 0, voices: 0, cites: [] },
      context: { sources: 0, voices: 0, cites: [] },
      irrelevant: { sources: 1, voices: 1, cites: [4] },
      total: { sources: 3, voices: 2 },
      retracted: [],
      weight: { supports: 0.75, refutes: 0.25 },
    });
  });

  it("leaves earlier fact-checks and retracted sources out of every count", () => {
    const sources = [
      source(1),
      source(2, { retracted: { evidence: 'its title begins "RETRACTED"' } }),
      source(3, {
        factCheck: {
          publisher: "PolitiFact",
          rating: "False",
          url: "https://www.politifact.com/x/",
        },
      }),
    ];
    const balance = evidenceBalance(sources, [
      said(1, "supports"),
      said(2, "supports"),
      said(3, "context"),
    ]);
    expect(balance.supports.cites).toEqual([1]);
    expect(balance.context.sources).toBe(0);
    expect(balance.total).toEqual({ sources: 1, voices: 1 });
    expect(balance.retracted).toEqual([2]);
    expect(balance.weight).toBeUndefined();
  });
});
