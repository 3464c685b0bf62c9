// Chooses the assessor's thresholds and the judge's settings, and fits the confidence
// calibration, on TRAIN claims only: 5-fold cross-validation over SciFact train and Check-COVID
// train claims (folds by claim group, so twins and versions of one claim stay together) trains
// a stance model without each fold, reads that fold's selected passages with it, and every
// setting of the grid is then replayed through the real assessor and judge.
import { createHash } from "node:crypto";
import type { EvidenceGates } from "../dist/assess/stance-assessor.js";
import { createStanceAssessor, type StancePredictor } from "../dist/assess/stance-assessor.js";
import type { Claim } from "../dist/core/schema/claim.js";
import type { Passage } from "../dist/core/schema/document.js";
import type { Source } from "../dist/core/schema/source.js";
import { SCIFACT_SCHEME, type VerdictScheme } from "../dist/data/label-mappings.js";
import type { VerificationSet } from "../dist/data/verification-data.js";
import { scoreLabels } from "../dist/eval/label-scores.js";
import { VERDICT_TO_GOLD } from "../dist/eval/verification.js";
import { DEFAULT_JUDGE, judge, tallyByVoice } from "../dist/pipeline/judge.js";
import { planQueries } from "../dist/pipeline/plan.js";
import { readHits } from "../dist/pipeline/read.js";
import { searchPlan } from "../dist/pipeline/search.js";
import { selectPassages } from "../dist/pipeline/select.js";
import { sourceOf } from "../dist/pipeline/sources.js";
import { understandText } from "../dist/pipeline/understand.js";
import {
  fitCalibration,
  type VerdictCalibration,
  type VerdictSide,
} from "../dist/pipeline/verdict-calibration.js";
import { CorpusReader } from "../dist/read/corpus-reader.js";
import { LocalSearchProvider } from "../dist/search/local-provider.js";
import { openSqliteStore } from "../dist/store/sqlite/open.js";
import type { RetrievedClaim } from "./candidate-pairs.ts";

/** One claim ready to judge: what select kept, and the stance model of its fold. */
export interface PreparedClaim {
  set: string;
  claim: Claim;
  /** The claim's gold label in its set's scheme. */
  gold: string;
  /** How verdicts map onto the set's labels. */
  scheme: VerdictScheme<string>;
  sources: Source[];
  passages: Passage[];
  /** The stance model trained without this claim's fold (memoised). */
  model: StancePredictor;
}

export interface Setting {
  evidenceAt: number;
  supportDirection: number;
  refuteDirection: number;
  relevancePower: number;
  minWeight: number;
  supportShare: number;
}

export interface TunedSetting {
  setting: Setting;
  /** Mean of the sets' macro-F1. */
  score: number;
  perSet: Record<string, { macroF1: number; accuracy: number; unverified: number }>;
}

export const GRID = {
  evidenceAt: [0.05, 0.1, 0.15, 0.2, 0.3, 0.45],
  direction: [
    [0.5, 0.5],
    [0.6, 0.4],
    [0.65, 0.45],
    [0.55, 0.35],
  ],
  relevancePower: [0, 1, 2],
  minWeight: [0.02, 0.05, 0.1, 0.2],
  supportShare: [0.5, 0.6],
} as const;

export const FOLDS = 5;

/** The fold (0..FOLDS-1) of a claim group: a stable hash, never its position. */
export function foldOf(group: string, folds = FOLDS): number {
  return createHash("sha256").update(`fold\u0000${group}`).digest().readUInt32BE(0) % folds;
}

/** Select's passages and sources for each retrieved claim, to be read by `modelOf(claim)`. */
export function prepareClaims(
  set: string,
  retrieved: readonly RetrievedClaim[],
  modelOf: (claim: RetrievedClaim) => StancePredictor,
): PreparedClaim[] {
  return retrieved.map((r) => {
    const claim = understandText(r.claim.text);
    const selection = selectPassages(claim, r.documents);
    return {
      set,
      claim,
      gold: r.claim.gold,
      scheme: SCIFACT_SCHEME,
      sources: selection.sources.map(sourceOf),
      passages: selection.passages,
      model: modelOf(r),
    };
  });
}

/** A predictor that remembers every pair it scored (the grid replays the same pairs). */
export function memoised(model: StancePredictor): StancePredictor {
  const cache = new Map<string, ReturnType<StancePredictor["predict"]>>();
  const key = (p: {
    claim: string;
    text: string;
    context?: { title?: string; section?: string; subjectFound?: string };
  }) =>
    `${p.claim}\u0000${p.text}\u0000${p.context?.title ?? ""}\u0000${p.context?.section ?? ""}\u0000${p.context?.subjectFound ?? ""}`;
  const one = (p: Parameters<NonNullable<StancePredictor["predictMany"]>>[0][number]) => {
    const k = key(p);
    let hit = cache.get(k);
    if (!hit) {
      hit = model.predict(p.claim, p.text, p.context);
      cache.set(k, hit);
    }
    return hit;
  };
  return {
    id: model.id,
    predict: (claim, text, context) => one({ claim, text, ...(context ? { context } : {}) }),
    predictMany: (pairs) => pairs.map(one),
  };
}

/** The verdict of one prepared claim under one setting, with the side and weight it rests on. */
export async function verdictOf(
  p: PreparedClaim,
  s: Setting,
  gates: Partial<EvidenceGates> = {},
): Promise<{ label: ReturnType<typeof judge>["label"]; side: VerdictSide; weight: number }> {
  const assessor = createStanceAssessor(p.model, {
    evidenceAt: s.evidenceAt,
    supportDirection: s.supportDirection,
    refuteDirection: s.refuteDirection,
    gates,
  });
  const assessments = await assessor.assess({
    claim: p.claim,
    sources: p.sources,
    passages: p.passages,
  });
  const options = {
    relevancePower: s.relevancePower,
    minWeight: s.minWeight,
    supportShare: s.supportShare,
    calibration: DEFAULT_JUDGE.calibration,
  };
  const verdict = judge(p.claim, p.sources, assessments, p.passages, options);
  // The weight the judge's calibration looks up for this side (see decide() in judge.ts).
  const t = tallyByVoice(p.sources, assessments, p.passages, options.relevancePower);
  const gold = VERDICT_TO_GOLD[verdict.label];
  const side: VerdictSide =
    gold === "SUPPORT" ? "supports" : gold === "REFUTE" ? "refutes" : "unsettled";
  const weight =
    side === "supports" ? t.supports : side === "refutes" ? t.refutes : t.supports + t.refutes;
  return { label: verdict.label, side, weight };
}

/** Macro-F1 (and more) of each set under one setting. */
export async function scoreSetting(
  prepared: readonly PreparedClaim[],
  s: Setting,
  gates: Partial<EvidenceGates> = {},
): Promise<TunedSetting> {
  const bySet = new Map<
    string,
    { gold: string[]; predicted: string[]; unverified: number; scheme: VerdictScheme<string> }
  >();
  for (const p of prepared) {
    const { label } = await verdictOf(p, s, gates);
    const row = bySet.get(p.set) ?? { gold: [], predicted: [], unverified: 0, scheme: p.scheme };
    row.gold.push(p.gold);
    row.predicted.push(p.scheme.fromVerdict[label]);
    if (label === "unverified") row.unverified++;
    bySet.set(p.set, row);
  }
  const perSet: TunedSetting["perSet"] = {};
  for (const [set, row] of bySet) {
    const m = scoreLabels(row.gold, row.predicted, row.scheme.labels);
    perSet[set] = {
      macroF1: m.macro_f1,
      accuracy: m.accuracy,
      unverified: row.unverified / row.gold.length,
    };
  }
  const scores = Object.values(perSet).map((x) => x.macroF1);
  return {
    setting: s,
    score: scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length),
    perSet,
  };
}

/** Every setting of `grid` scored, best mean macro-F1 first. */
export async function searchGrid(
  prepared: readonly PreparedClaim[],
  grid: {
    evidenceAt: readonly number[];
    direction: ReadonlyArray<readonly [number, number]>;
    relevancePower: readonly number[];
    minWeight: readonly number[];
    supportShare: readonly number[];
  } = GRID,
): Promise<TunedSetting[]> {
  const out: TunedSetting[] = [];
  for (const evidenceAt of grid.evidenceAt)
    for (const [supportDirection, refuteDirection] of grid.direction)
      for (const relevancePower of grid.relevancePower)
        for (const minWeight of grid.minWeight)
          for (const supportShare of grid.supportShare)
            out.push(
              await scoreSetting(prepared, {
                evidenceAt,
                supportDirection,
                refuteDirection,
                relevancePower,
                minWeight,
                supportShare,
              }),
            );
  return out.sort((a, b) => b.score - a.score);
}

/** The calibration table of the verdicts `setting` gives on the prepared claims. */
export async function calibrate(
  fittedFor: string,
  prepared: readonly PreparedClaim[],
  setting: Setting,
): Promise<VerdictCalibration> {
  const outcomes: Array<{ side: VerdictSide; weight: number; correct: boolean }> = [];
  for (const p of prepared) {
    const v = await verdictOf(p, setting);
    outcomes.push({
      side: v.side,
      weight: v.weight,
      correct: p.scheme.fromVerdict[v.label] === p.gold,
    });
  }
  return fitCalibration(fittedFor, outcomes);
}

/**
 * Every claim of a benchmark set searched, read and selected over its own documents, to be
 * read by `model` (a set the model never trained on, such as a real-world set's train part).
 */
export async function prepareVerificationSet(
  name: string,
  set: VerificationSet<string>,
  scheme: VerdictScheme<string>,
  model: StancePredictor,
): Promise<PreparedClaim[]> {
  const store = openSqliteStore(":memory:");
  try {
    await store.corpus.upsertDocuments(set.documents);
    const providers = [new LocalSearchProvider(store.corpus)];
    const readers = [new CorpusReader(store.corpus)];
    const out: PreparedClaim[] = [];
    for (const item of set.claims) {
      const claim = understandText(item.text);
      const searched = await searchPlan(planQueries(claim), providers, { hitsPerQuery: 20 });
      const read = await readHits(searched.hits, readers, { limit: 20 });
      const selection = selectPassages(claim, read.documents);
      out.push({
        set: name,
        claim,
        gold: item.gold,
        scheme,
        sources: selection.sources.map(sourceOf),
        passages: selection.passages,
        model,
      });
    }
    return out;
  } finally {
    await store.close();
  }
}
