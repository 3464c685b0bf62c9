// Scores the pipeline's real assessor on (claim, evidence) pairs with no retrieval: each pair is
// one source whose one passage is the evidence, and the source's stance is mapped onto the
// benchmark's labels.
import type { Assessor } from "../core/interfaces/assessor.js";
import type { StageRun } from "../core/interfaces/stage-run.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { Stance } from "../core/schema/source-assessment.js";
import type { StanceScheme } from "../data/label-mappings.js";
import type { PairSet, StancePair } from "../data/stance-pairs.js";
import { understandText } from "../pipeline/understand.js";
import { contentHash } from "../text/hash.js";
import { type LabelScores, scoreLabels } from "./label-scores.js";

export interface PairOutcome<L extends string> {
  id: string;
  claimId: string;
  claim: string;
  gold: L;
  predicted: L;
  stance: Stance;
  confidence: number;
  /** Why the model-backed assessor fell back to the offline one, when it did. */
  fallback?: string;
}

export interface PairRunResult<L extends string> {
  set: string;
  pairs: number;
  metrics: LabelScores<L>;
  pairsPerSecond: number;
  /** How often each stance was given, to see how the mapping was used. */
  stances: Partial<Record<Stance, number>>;
  /** Pairs on which the model-backed assessor fell back to the offline one. */
  fellBack: number;
  outcomes: Array<PairOutcome<L>>;
}

export interface PairRunOptions<L extends string> {
  assessor: Assessor;
  scheme: StanceScheme<L>;
  /** Only the first N pairs. */
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The assessor's stance on each pair, scored against the gold labels. */
export async function runStancePairs<L extends string>(
  set: PairSet<L>,
  options: PairRunOptions<L>,
): Promise<PairRunResult<L>> {
  const pairs = set.pairs.slice(0, options.limit ?? set.pairs.length);
  const outcomes: Array<PairOutcome<L>> = [];
  const started = performance.now();
  for (const [i, pair] of pairs.entries()) {
    let fallback: string | undefined;
    const run = recordingRun((reason) => {
      fallback = reason;
    });
    const [assessment] = await options.assessor.assess(pairInput(pair), undefined, run);
    if (!assessment) throw new Error(`the assessor ${options.assessor.id} gave no assessment`);
    outcomes.push({
      id: pair.id,
      claimId: pair.claimId,
      claim: pair.claim,
      gold: pair.gold,
      predicted: options.scheme.fromStance[assessment.stance],
      stance: assessment.stance,
      confidence: assessment.confidence,
      ...(fallback === undefined ? {} : { fallback }),
    });
    options.onProgress?.(i + 1, pairs.length);
  }
  const seconds = (performance.now() - started) / 1000;
  const stances: Partial<Record<Stance, number>> = {};
  for (const o of outcomes) stances[o.stance] = (stances[o.stance] ?? 0) + 1;
  return {
    set: set.name,
    pairs: pairs.length,
    metrics: scoreLabels(
      outcomes.map((o) => o.gold),
      outcomes.map((o) => o.predicted),
      options.scheme.labels,
    ),
    pairsPerSecond: pairs.length / Math.max(seconds, 1e-9),
    stances,
    fellBack: outcomes.filter((o) => o.fallback !== undefined).length,
    outcomes,
  };
}

/** The assessor's input for one pair: the claim understood offline, one source, one passage. */
export function pairInput(pair: StancePair<string>) {
  const source: Source = {
    n: 1,
    documentId: pair.id,
    title: "Evidence",
    // A fixed date: nothing here depends on when the evidence was read.
    fetchedAt: "2000-01-01T00:00:00.000Z",
    contentHash: contentHash(pair.evidence),
    profile: "unknown",
    independenceGroup: `pair:${pair.id}`,
    status: "ok",
  };
  const passage: Passage = {
    sourceN: 1,
    documentId: pair.id,
    text: pair.evidence,
    start: 0,
    end: pair.evidence.length,
    score: 1,
  };
  return { claim: understandText(pair.claim), sources: [source], passages: [passage] };
}

/** A StageRun for one assessor call on its own: no budget, only the fallback is kept. */
function recordingRun(onFallback: (reason: string) => void): StageRun {
  return {
    stage: "assess",
    reserveCall() {},
    record() {},
    removedCitations() {},
    fellBack: onFallback,
    note() {},
  };
}
