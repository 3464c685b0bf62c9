// Runs the full check on each benchmark claim and scores the verdicts, their calibration and
// the evidence found; every claim's outcome is kept so wrong verdicts can be looked at.
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { VerdictLabel } from "../core/schema/verdict.js";
import { SCIFACT_SCHEME, type VerdictScheme } from "../data/label-mappings.js";
import type { GoldLabel, VerificationSet } from "../data/verification-data.js";
import { type CheckDependencies, type CheckLimits, runCheck } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { type Calibration, calibration } from "./calibration.js";
import { type LabelScores, scoreLabels } from "./label-scores.js";

/** How our verdicts map onto SciFact's and Check-COVID's three labels (see label-mappings.ts). */
export const VERDICT_TO_GOLD: Readonly<Record<VerdictLabel, GoldLabel>> =
  SCIFACT_SCHEME.fromVerdict;

/** What one claim's check gave, beside what the benchmark says. */
export interface ClaimOutcome<L extends string = GoldLabel> {
  id: string;
  claim: string;
  gold: L;
  /** Our verdict mapped onto the benchmark's labels. */
  predicted: L;
  verdict: VerdictLabel;
  /** The verdict's own confidence, 0..1. */
  confidence: number;
  /** Documents annotated as evidence for the claim. */
  evidence: string[];
  /** Those of them among the sources the check kept. */
  evidenceFound: string[];
  /** Document ids of every source the check kept, in citation order. */
  sources: string[];
  /** Stages that fell back to their offline method (model-backed runs). */
  fallbacks: string[];
}

export interface VerificationMetrics<L extends string = GoldLabel>
  extends Pick<LabelScores<L>, "accuracy" | "macro_f1" | "f1" | "confusion"> {
  /** Share of claims whose verdict is `unverified`. */
  unverified: number;
  /** Share of annotated evidence documents among the sources a check kept. */
  evidence_recall: number;
  /** Share of kept sources that are annotated evidence (claims with evidence only). */
  evidence_precision: number;
  /** Expected calibration error of the verdicts' confidence (10 equal-width bins). */
  ece: number;
  /** Per confidence bin: claims, mean confidence and accuracy. */
  calibration: Calibration["bins"];
}

export interface VerificationResult<L extends string = GoldLabel> {
  set: string;
  claims: number;
  documents: number;
  metrics: VerificationMetrics<L>;
  claimsPerSecond: number;
  /** Verdict label counts, to see how the mapping was used. */
  verdicts: Record<string, number>;
  /** Checks in which some stage fell back to its offline method (model-backed runs). */
  fellBack: number;
  outcomes: Array<ClaimOutcome<L>>;
}

export interface VerificationRunOptions<L extends string> {
  deps: (corpus: CorpusStore) => CheckDependencies;
  /** The benchmark's labels and how verdicts map onto them. */
  scheme: VerdictScheme<L>;
  limits?: Partial<CheckLimits>;
  /** Only the first N claims (quick runs). */
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Checks every claim of `set` against its documents in a throwaway store and scores it. */
export async function runVerification<L extends string>(
  set: VerificationSet<L>,
  options: VerificationRunOptions<L>,
): Promise<VerificationResult<L>> {
  const store = openSqliteStore(":memory:");
  try {
    await store.corpus.upsertDocuments(set.documents);
    const deps = options.deps(store.corpus);
    const claims = set.claims.slice(0, options.limit ?? set.claims.length);
    const outcomes: Array<ClaimOutcome<L>> = [];
    const started = performance.now();
    for (const [i, claim] of claims.entries()) {
      const { version } = await runCheck(
        claim.text,
        deps,
        options.limits ? { limits: options.limits } : {},
      );
      const sources = version.sources.flatMap((s) => (s.documentId ? [s.documentId] : []));
      const kept = new Set(sources);
      outcomes.push({
        id: claim.id,
        claim: claim.text,
        gold: claim.gold,
        predicted: options.scheme.fromVerdict[version.verdict.label],
        verdict: version.verdict.label,
        confidence: version.verdict.confidence,
        evidence: claim.evidence,
        evidenceFound: claim.evidence.filter((d) => kept.has(d)),
        sources,
        fallbacks: version.fallbacks.map((f) => f.stage),
      });
      options.onProgress?.(i + 1, claims.length);
    }
    const seconds = (performance.now() - started) / 1000;
    const verdicts: Record<string, number> = {};
    for (const o of outcomes) verdicts[o.verdict] = (verdicts[o.verdict] ?? 0) + 1;
    return {
      set: set.name,
      claims: claims.length,
      documents: set.documents.length,
      metrics: scoreOutcomes(outcomes, options.scheme),
      claimsPerSecond: claims.length / Math.max(seconds, 1e-9),
      verdicts,
      fellBack: outcomes.filter((o) => o.fallbacks.length > 0).length,
      outcomes,
    };
  } finally {
    await store.close();
  }
}

/** The metrics of a list of outcomes (all claims, or a subset of them) under `scheme`. */
export function scoreOutcomes<L extends string>(
  outcomes: ReadonlyArray<ClaimOutcome<L>>,
  scheme: VerdictScheme<L>,
): VerificationMetrics<L> {
  const { accuracy, macro_f1, f1, confusion } = scoreLabels(
    outcomes.map((o) => o.gold),
    outcomes.map((o) => o.predicted),
    scheme.labels,
  );
  let annotated = 0;
  let found = 0;
  let kept = 0;
  for (const o of outcomes) {
    annotated += o.evidence.length;
    found += o.evidenceFound.length;
    // Precision only over claims that have evidence to find.
    if (o.evidence.length > 0) kept += new Set(o.sources).size;
  }
  const calibrated = calibration(
    outcomes.map((o) => ({ confidence: o.confidence, correct: o.predicted === o.gold })),
  );
  const share = (n: number) => (outcomes.length === 0 ? 0 : n / outcomes.length);
  return {
    accuracy,
    macro_f1,
    f1,
    confusion,
    unverified: share(outcomes.filter((o) => o.verdict === "unverified").length),
    evidence_recall: annotated === 0 ? 0 : found / annotated,
    evidence_precision: kept === 0 ? 0 : found / kept,
    ece: calibrated.ece,
    calibration: calibrated.bins,
  };
}

/** Accuracy, per-class and macro F1, and the confusion matrix over SciFact's three labels. */
export function classification(
  gold: readonly GoldLabel[],
  predicted: readonly GoldLabel[],
): Pick<LabelScores<GoldLabel>, "accuracy" | "macro_f1" | "f1" | "confusion"> {
  const { accuracy, macro_f1, f1, confusion } = scoreLabels(gold, predicted, SCIFACT_SCHEME.labels);
  return { accuracy, macro_f1, f1, confusion };
}
