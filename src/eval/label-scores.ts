// Scores two label lists over a fixed label set: accuracy, per-label precision/recall/F1,
// macro-F1 and the confusion matrix. Pure; every benchmark with labels uses it.

export interface LabelScores<L extends string> {
  accuracy: number;
  /** Mean F1 over the labels (a label nobody has and nobody predicts counts as 0). */
  macro_f1: number;
  precision: Record<L, number>;
  recall: Record<L, number>;
  f1: Record<L, number>;
  /** Rows gold, columns predicted, in `labels` order. */
  confusion: number[][];
}

/** Scores `predicted` against `gold` (same length) over `labels`; other labels are ignored. */
export function scoreLabels<L extends string>(
  gold: readonly L[],
  predicted: readonly L[],
  labels: readonly L[],
): LabelScores<L> {
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  let counted = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    const row = confusion[labels.indexOf(g)];
    const column = p === undefined ? -1 : labels.indexOf(p);
    if (!row || column < 0) return;
    row[column] = (row[column] ?? 0) + 1;
    counted++;
    if (p === g) correct++;
  });
  const precision = {} as Record<L, number>;
  const recall = {} as Record<L, number>;
  const f1 = {} as Record<L, number>;
  labels.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const goldCount = confusion[k]?.reduce((a, b) => a + b, 0) ?? 0;
    const predCount = confusion.reduce((sum, row) => sum + (row[k] ?? 0), 0);
    precision[label] = predCount === 0 ? 0 : tp / predCount;
    recall[label] = goldCount === 0 ? 0 : tp / goldCount;
    const pr = precision[label] + recall[label];
    f1[label] = pr === 0 ? 0 : (2 * precision[label] * recall[label]) / pr;
  });
  return {
    accuracy: counted === 0 ? 0 : correct / counted,
    macro_f1: labels.length === 0 ? 0 : labels.reduce((s, l) => s + f1[l], 0) / labels.length,
    precision,
    recall,
    f1,
    confusion,
  };
}
