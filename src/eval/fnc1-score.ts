// The official FNC-1 weighted score (FakeNewsChallenge/fnc-1 scorer.py, v1.0, re-implemented from
// its description): 0.25 for the related/unrelated call, 0.75 more for the exact related stance.
import { STANCE_LABELS, type StanceLabel } from "../stance/labels.js";

export interface Fnc1Score {
  score: number;
  /** The score of perfect predictions. */
  max: number;
  /** The score of predicting `unrelated` everywhere. */
  null: number;
  /** score / max: the percentage papers quote. */
  relative: number;
  accuracy: number;
  /** confusion[gold][predicted], both in STANCE_LABELS order. */
  confusion: number[][];
  perClass: Record<StanceLabel, { precision: number; recall: number; f1: number }>;
  macroF1: number;
}

const related = (label: StanceLabel) => label !== "unrelated";

/** Points one prediction earns against its gold stance. */
export function pairScore(gold: StanceLabel, predicted: StanceLabel): number {
  let points = 0;
  if (gold === predicted) points += gold === "unrelated" ? 0.25 : 0.75;
  if (related(gold) && related(predicted)) points += 0.25;
  return points;
}

/** Scores predictions against gold stances, row by row. */
export function scoreFnc1(
  gold: readonly StanceLabel[],
  predicted: readonly StanceLabel[],
): Fnc1Score {
  if (gold.length !== predicted.length) {
    throw new RangeError(`${gold.length} gold stances but ${predicted.length} predictions`);
  }
  const index = (l: StanceLabel) => STANCE_LABELS.indexOf(l);
  const confusion = STANCE_LABELS.map(() => STANCE_LABELS.map(() => 0));
  let score = 0;
  let max = 0;
  let nul = 0;
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as StanceLabel;
    score += pairScore(g, p);
    max += pairScore(g, g);
    nul += pairScore(g, "unrelated");
    if (g === p) correct++;
    const row = confusion[index(g)] as number[];
    row[index(p)] = (row[index(p)] ?? 0) + 1;
  });
  const perClass = {} as Fnc1Score["perClass"];
  STANCE_LABELS.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const goldCount = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predCount = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predCount === 0 ? 0 : tp / predCount;
    const recall = goldCount === 0 ? 0 : tp / goldCount;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1 };
  });
  const macroF1 = STANCE_LABELS.reduce((a, l) => a + perClass[l].f1, 0) / STANCE_LABELS.length;
  return {
    score,
    max,
    null: nul,
    relative: max === 0 ? 0 : score / max,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    confusion,
    perClass,
    macroF1,
  };
}
