// Stage 7: the verdict — a vote of the sources' stances, weighted by confidence and by how
// closely each source matches the claim, with one vote per independent voice. A claim is
// `unverified` only when no source takes a side with enough weight ("nothing found" is never
// "false"); when evidence bears on it, the judge decides, and its confidence is how often a
// verdict reached that way was right on the claims the settings were tuned on.
import type { Claim } from "../core/schema/claim.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import type { ClaimVerdictLabel, StatementVerdict, Verdict } from "../core/schema/verdict.js";
import { answerKind, givesAnswerOfKind } from "../text/question-form.js";
import { evidenceBalance, verdictRationale } from "./evidence-balance.js";
import { absoluteWords } from "./framing.js";
import { calibrated, DEFAULT_CALIBRATION, type VerdictCalibration } from "./verdict-calibration.js";

export interface JudgeOptions {
  /** Exponent of a source's relevance (0..1) in its vote: higher lets close matches dominate. */
  relevancePower: number;
  /** Below this total decisive weight the evidence does not settle the claim. */
  minWeight: number;
  /** Support share at or above which a claim is (mostly) supported; 1 − it for refuted. */
  supportShare: number;
  /** How raw strength becomes a confidence that means something. */
  calibration: VerdictCalibration;
}

// Chosen with the assessor's thresholds by 5-fold cross-validation on SciFact train,
// Check-COVID train and the LIAR-PLUS and AVeriTeC train parts, with stance-gbdt-3
// (`npm run tune:verdict`; see models/README.md).
export const DEFAULT_JUDGE: JudgeOptions = {
  relevancePower: 0,
  minWeight: 0.1,
  supportShare: 0.6,
  calibration: DEFAULT_CALIBRATION,
};

/** The weights of the vote, one entry per independent voice. */
export interface Tally {
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
  const balance = evidenceBalance(sources, assessments, tally);
  if (claim.kind === "question") {
    const verdict = judgeQuestion(claim, tally, sources, assessments, passages);
    // A yes/no question also gets the verdict of the statement it asks about.
    const statement = claim.statement ? judgeStatement(claim.statement, tally, opts) : undefined;
    return {
      ...verdict,
      rationale: verdictRationale(claim, verdict.label, balance),
      balance,
      ...(statement ? { statement } : {}),
    };
  }
  const { label, confidence } = decide(claim.normalized, tally, opts);
  // The rationale is worded from the same balance the summary opens with.
  return { label, confidence, rationale: verdictRationale(claim, label, balance), balance };
}

/** The label and calibrated confidence of a claim (or a question's statement) from the vote. */
export function decide(
  statement: string,
  t: Tally,
  opts: JudgeOptions,
): { label: ClaimVerdictLabel; confidence: number } {
  const weight = t.supports + t.refutes;
  if (weight < opts.minWeight || weight === 0) {
    return { label: "unverified", confidence: calibrated(opts.calibration, "unsettled", weight) };
  }
  const share = t.supports / weight;
  if (share >= opts.supportShare) {
    const uncontested = t.refutes < 0.05 * t.supports;
    return {
      label: uncontested ? "supported" : "mostly-supported",
      confidence: calibrated(opts.calibration, "supports", weight * share),
    };
  }
  if (share <= 1 - opts.supportShare) {
    return {
      label: "refuted",
      confidence: calibrated(opts.calibration, "refutes", weight * (1 - share)),
    };
  }
  // Divided evidence on an absolutely worded claim misleads; the same words section 3 names.
  const label = absoluteWords(statement)[0] ? "misleading" : "mixed";
  return { label, confidence: calibrated(opts.calibration, "unsettled", weight) };
}

function judgeStatement(statement: string, t: Tally, opts: JudgeOptions): StatementVerdict {
  const { label, confidence } = decide(statement, t, opts);
  const rationale =
    label === "unverified"
      ? "No source takes a side on it with enough weight to settle it."
      : label === "supported" || label === "mostly-supported"
        ? "The weight of the evidence supports it."
        : label === "refuted"
          ? "The weight of the evidence contradicts it."
          : "The sources are divided on it.";
  return { text: statement, label, confidence, rationale };
}

/**
 * A question is documented when independent sources bear on it and at least one of them gives
 * an answer of the kind it asks for (a duration for "how long", a number for "how many"…);
 * sources that only touch on its topic document it in part.
 */
function judgeQuestion(
  claim: Claim,
  t: Tally,
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  passages: readonly Passage[],
): Pick<Verdict, "label" | "confidence"> {
  if (t.voices === 0) return { label: "undocumented", confidence: 0.7 };
  const kind = answerKind(claim.normalized);
  const bearing = new Set(
    assessments.filter((a) => a.stance !== "irrelevant").map((a) => a.sourceN),
  );
  const retracted = new Set(sources.filter((s) => s.retracted).map((s) => s.n));
  const answering = new Set(
    passages
      .filter(
        (p) =>
          bearing.has(p.sourceN) &&
          !retracted.has(p.sourceN) &&
          p.subjectFound !== "nowhere" &&
          p.subjectFound !== "document" &&
          givesAnswerOfKind(p.text, kind),
      )
      .map((p) => p.sourceN),
  );
  const groupOf = new Map(sources.map((s) => [s.n, s.independenceGroup]));
  const answers = new Set([...answering].map((n) => groupOf.get(n) ?? `source:${n}`)).size;
  if (answers >= 1 && t.voices >= 2) {
    return { label: "documented", confidence: round(Math.min(0.9, 0.5 + 0.1 * answers)) };
  }
  return { label: "partly-documented", confidence: answers >= 1 ? 0.6 : 0.5 };
}

/**
 * Each source's vote is its confidence × relevance^power; within one independent voice only
 * the strongest vote per side counts, so one publisher cannot outvote the others by volume.
 * Retracted sources and earlier fact-checks are listed, never weighed.
 */
export function tallyByVoice(
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  passages: readonly Passage[],
  power: number,
): Tally {
  const groupOf = new Map(sources.map((s) => [s.n, s.independenceGroup]));
  const retracted = new Set(sources.filter((s) => s.retracted || s.factCheck).map((s) => s.n));
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

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
