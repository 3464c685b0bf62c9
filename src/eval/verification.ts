// Runs the full check on each benchmark claim and scores the verdicts and the evidence found.
import type { Store } from "../core/interfaces/store.js";
import type { VerdictLabel } from "../core/schema/verdict.js";
import { type CheckDependencies, type CheckLimits, runCheck } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { GOLD_LABELS, type GoldLabel, type VerificationSet } from "./verification-data.js";

/**
 * How our verdicts map onto the benchmarks' three labels: only a verdict that takes a side
 * counts as SUPPORT or REFUTE; "mixed" and "unverified" say the evidence does not settle it.
 */
export const VERDICT_TO_GOLD: Record<VerdictLabel, GoldLabel> = {
  supported: "SUPPORT",
  "mostly-supported": "SUPPORT",
  refuted: "REFUTE",
  misleading: "REFUTE",
  mixed: "NEI",
  unverified: "NEI",
  documented: "NEI",
  "partly-documented": "NEI",
  undocumented: "NEI",
};

export interface VerificationMetrics {
  accuracy: number;
  macro_f1: number;
  f1: Record<GoldLabel, number>;
  /** Rows gold, columns predicted, in GOLD_LABELS order. */
  confusion: number[][];
  /** Share of annotated evidence documents among the sources a check kept. */
  evidence_recall: number;
  /** Share of kept sources that are annotated evidence (claims with evidence only). */
  evidence_precision: number;
}

export interface VerificationResult {
  set: string;
  claims: number;
  documents: number;
  metrics: VerificationMetrics;
  claimsPerSecond: number;
  /** Verdict label counts, to see how the mapping was used. */
  verdicts: Record<string, number>;
}

export interface VerificationRunOptions {
  deps: (store: Store) => CheckDependencies;
  limits?: Partial<CheckLimits>;
  /** Only the first N claims (quick runs). */
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runVerification(
  set: VerificationSet,
  options: VerificationRunOptions,
): Promise<VerificationResult> {
  const store = openSqliteStore(":memory:");
  try {
    await store.upsertDocuments(set.documents);
    const deps = options.deps(store);
    const claims = set.claims.slice(0, options.limit ?? set.claims.length);
    const gold: GoldLabel[] = [];
    const predicted: GoldLabel[] = [];
    const verdicts: Record<string, number> = {};
    let found = 0;
    let annotated = 0;
    let kept = 0;
    const started = performance.now();
    for (const [i, claim] of claims.entries()) {
      const { version } = await runCheck(
        claim.text,
        deps,
        options.limits ? { limits: options.limits } : {},
      );
      gold.push(claim.gold);
      predicted.push(VERDICT_TO_GOLD[version.verdict.label]);
      verdicts[version.verdict.label] = (verdicts[version.verdict.label] ?? 0) + 1;
      const ids = new Set(version.sources.map((s) => s.documentId));
      annotated += claim.evidence.length;
      found += claim.evidence.filter((d) => ids.has(d)).length;
      // Precision only over claims that have evidence to find.
      if (claim.evidence.length > 0) kept += ids.size;
      options.onProgress?.(i + 1, claims.length);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      set: set.name,
      claims: claims.length,
      documents: set.documents.length,
      metrics: {
        ...classification(gold, predicted),
        evidence_recall: annotated === 0 ? 0 : found / annotated,
        evidence_precision: kept === 0 ? 0 : found / kept,
      },
      claimsPerSecond: claims.length / Math.max(seconds, 1e-9),
      verdicts,
    };
  } finally {
    await store.close();
  }
}

/** Accuracy, per-class and macro F1, and the confusion matrix of two label lists. */
export function classification(
  gold: readonly GoldLabel[],
  predicted: readonly GoldLabel[],
): Pick<VerificationMetrics, "accuracy" | "macro_f1" | "f1" | "confusion"> {
  const index = (l: GoldLabel) => GOLD_LABELS.indexOf(l);
  const confusion = GOLD_LABELS.map(() => GOLD_LABELS.map(() => 0));
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p === undefined) return;
    const row = confusion[index(g)];
    if (row) row[index(p)] = (row[index(p)] ?? 0) + 1;
  });
  const f1 = {} as Record<GoldLabel, number>;
  GOLD_LABELS.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const goldCount = confusion[k]?.reduce((a, b) => a + b, 0) ?? 0;
    const predCount = confusion.reduce((sum, row) => sum + (row[k] ?? 0), 0);
    const precision = predCount === 0 ? 0 : tp / predCount;
    const recall = goldCount === 0 ? 0 : tp / goldCount;
    f1[label] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  const correct = gold.filter((g, i) => predicted[i] === g).length;
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macro_f1: GOLD_LABELS.reduce((s, l) => s + f1[l], 0) / GOLD_LABELS.length,
    f1,
    confusion,
  };
}
