// The FNC-1 benchmark: the stance model on the competition test pairs, scored like the
// official scorer, with the published anchors to compare against.

import { readFnc1Split } from "../data/fnc1-data.js";
import { STANCE_LABELS, type StanceLabel, topStance } from "../stance/labels.js";
import { loadStanceModel, type StanceModel } from "../stance/model.js";
import { type Fnc1Score, scoreFnc1 } from "./fnc1-score.js";

/** Published relative scores on the competition test set. */
export const FNC1_ANCHORS = [
  { label: "official baseline (gradient boosting, hand features)", low: 0.752, high: 0.752 },
  { label: "best 2017 systems (top 3)", low: 0.817, high: 0.82 },
] as const;

export interface Fnc1EvalResult {
  pairs: number;
  model: string;
  /** The stances, in the order tables and the confusion matrix use. */
  labels: readonly StanceLabel[];
  score: Fnc1Score;
}

/** The stance model `eval fnc1` scores: the committed one unless a test gives another. */
export type Fnc1Model = Pick<StanceModel, "id" | "predictMany">;

/** The committed stance model. */
export function shippedStanceModel(): Fnc1Model {
  return loadStanceModel();
}

/** Predicts every competition test pair with `model` and scores the predictions. */
export function runFnc1Eval(model: Fnc1Model, dataDir: string): Fnc1EvalResult {
  const pairs = readFnc1Split(dataDir, "competition_test");
  const predicted = model
    .predictMany(pairs.map((p) => ({ claim: p.headline, text: p.body })))
    .map(topStance);
  const gold: StanceLabel[] = pairs.map((p) => p.stance);
  return {
    pairs: pairs.length,
    model: model.id,
    labels: STANCE_LABELS,
    score: scoreFnc1(gold, predicted),
  };
}
