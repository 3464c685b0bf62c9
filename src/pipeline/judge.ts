// Stage 7: the verdict — a vote of the sources' stances, weighted by confidence and by how
// closely each source matches the claim, with one vote per independent voice.
import type { Claim } from "../core/schema/claim.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import type { Verdict } from "../core/schema/verdict.js";
import { evidenceBalance, verdictRationale } from "./evidence-balance.js";
import { absoluteWords } from "./framing.js";

export interface JudgeOptions {
  /** Exponent of a source's relevance (0..1) in its vote: higher lets close matches dominate. */
  relevancePower: number;
  /** Below this total decisive weight the evidence does not settle the claim. */
  minWeight: number;
  /** Support share at or above which a claim is (mostly) supported; 1 − it for refuted. */
  supportShare: number;
}

// Chosen on the SciFact train claims (macro-F1 of the verdicts; see src/eval/verdict-tuning.ts).
export const DEFAULT_JUDGE: JudgeOptions = {
  relevancePower: 4,
  minWeight: 0.2,
  supportShare: 0.6,
};

interface Tally {
  supports: number;
  refutes: number;
  /** Independent voices whose stance bears on the claim (supports, refutes, mixed, context). */
  voices: number;
  /** Voices with a decisive stance. */
  decisiveVoices: number;
}

/** The verdict: refuted only when a source contradicts, unverified when nothing settles it. */
export function judge(
  claim: Claim,
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  passages: readonly Passage[],
  options: Partial<JudgeOptions> = {},
): Verdict {
  const opts = { ...DEFAULT_JUDGE, ...options };
  const tally = tallyByVoice(sources, assessments, passages, opts.relevancePower);
  const verdict = claim.kind === "question" ? judgeQuestion(tally) : judgeClaim(claim, tally, opts);
  // The rationale is worded from the same balance the summary opens with, so the two state the
  // same counts (the label's own rationale above counts voices only and would disagree).
  const balance = evidenceBalance(sources, assessments, tally);
  return { ...verdict, rationale: verdictRationale(claim, verdict.label, balance), balance };
}

function judgeClaim(claim: Claim, t: Tally, opts: JudgeOptions): Verdict {
  const weight = t.supports + t.refutes;
  if (weight < opts.minWeight || weight === 0) {
    return {
      label: "unverified",
      confidence: 0.7,
      rationale:
        t.voices > 0
          ? "The sources found discuss the topic, but none clearly supports or contradicts the claim."
          : "No source found bears on the claim; nothing was found that supports or contradicts it.",
    };
  }
  const share = t.supports / weight;
  const strength = Math.min(1, weight);
  if (share >= opts.supportShare) {
    const uncontested = t.refutes < 0.05 * t.supports;
    return {
      label: uncontested ? "supported" : "mostly-supported",
      confidence: round(0.5 + 0.4 * strength * share),
      rationale: uncontested
        ? `${voices(t.decisiveVoices)} support${t.decisiveVoices === 1 ? "s" : ""} the claim and none contradicts it.`
        : `Most of the weight of the evidence supports the claim (${pct(share)}), but some contradicts it.`,
    };
  }
  if (share <= 1 - opts.supportShare) {
    return {
      label: "refuted",
      confidence: round(0.5 + 0.4 * strength * (1 - share)),
      rationale:
        t.supports === 0
          ? `${voices(t.decisiveVoices)} contradict${t.decisiveVoices === 1 ? "s" : ""} the claim and none supports it.`
          : `Most of the weight of the evidence contradicts the claim (${pct(1 - share)}).`,
    };
  }
  // Divided evidence on an absolutely worded claim misleads; the same words section 3 names.
  const absolute = absoluteWords(claim.normalized)[0];
  if (absolute) {
    return {
      label: "misleading",
      confidence: round(0.4 + 0.2 * strength),
      rationale: `The evidence is divided, yet the claim is stated absolutely ("${absolute}").`,
    };
  }
  return {
    label: "mixed",
    confidence: round(0.4 + 0.2 * strength),
    rationale: `The sources are divided: ${pct(share)} of the weight of the evidence supports the claim.`,
  };
}

function judgeQuestion(t: Tally): Verdict {
  if (t.voices >= 2) {
    return {
      label: "documented",
      confidence: round(Math.min(0.9, 0.5 + 0.1 * t.voices)),
      rationale: `${t.voices} independent sources address the question.`,
    };
  }
  if (t.voices === 1) {
    return {
      label: "partly-documented",
      confidence: 0.6,
      rationale: "Only one independent source addresses the question.",
    };
  }
  return {
    label: "undocumented",
    confidence: 0.7,
    rationale: "No source found addresses the question.",
  };
}

/**
 * Each source's vote is its confidence × relevance^power; within one independent voice only
 * the strongest vote per side counts, so one publisher cannot outvote the others by volume.
 */
function tallyByVoice(
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  passages: readonly Passage[],
  power: number,
): Tally {
  const groupOf = new Map(sources.map((s) => [s.n, s.independenceGroup]));
  const retracted = new Set(sources.filter((s) => s.retracted).map((s) => s.n));
  const relevance = new Map<number, number>();
  for (const p of passages)
    relevance.set(p.sourceN, Math.max(relevance.get(p.sourceN) ?? 0, p.score));
  const groups = new Map<string, { supports: number; refutes: number; decisive: boolean }>();
  for (const a of assessments) {
    if (a.stance === "irrelevant" || retracted.has(a.sourceN)) continue;
    const key = groupOf.get(a.sourceN) ?? `source:${a.sourceN}`;
    const group = groups.get(key) ?? { supports: 0, refutes: 0, decisive: false };
    const vote = a.confidence * Math.min(1, relevance.get(a.sourceN) ?? 0) ** power;
    if (a.stance === "supports" || a.stance === "mixed")
      group.supports = Math.max(group.supports, a.stance === "mixed" ? vote / 2 : vote);
    if (a.stance === "refutes" || a.stance === "mixed")
      group.refutes = Math.max(group.refutes, a.stance === "mixed" ? vote / 2 : vote);
    if (a.stance !== "context") group.decisive = true;
    groups.set(key, group);
  }
  const tally: Tally = { supports: 0, refutes: 0, voices: groups.size, decisiveVoices: 0 };
  for (const g of groups.values()) {
    tally.supports += g.supports;
    tally.refutes += g.refutes;
    if (g.decisive) tally.decisiveVoices++;
  }
  return tally;
}

function voices(n: number): string {
  return n > 1 ? `${n} independent sources` : "One source";
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
