// What a verdict's confidence means: how often a verdict reached the same way (the same side,
// about the same weight of evidence) was right on the benchmark claims the settings were tuned
// on. One table per side, fitted by `npm run tune:verdict` and kept monotone in the weight.

/** The side a verdict comes down on. */
export type VerdictSide = "supports" | "refutes" | "unsettled";

/** Per side: ascending upper bounds of the weight, each with the accuracy seen up to it. */
export interface VerdictCalibration {
  /** The stance model and settings the table was fitted for. */
  fittedFor: string;
  sides: Record<VerdictSide, ReadonlyArray<readonly [number, number]>>;
}

// Fitted by `npm run tune:verdict` on the out-of-fold verdicts of SciFact and Check-COVID train
// claims and on the LIAR-PLUS and AVeriTeC train parts, for the model named in `fittedFor`.
export const DEFAULT_CALIBRATION: VerdictCalibration = {
  fittedFor: "stance-gbdt-3#775d12ca0dd2",
  sides: {
    supports: [
      [0.717, 0.395],
      [1.15, 0.413],
      [Number.POSITIVE_INFINITY, 0.465],
    ],
    refutes: [
      [0.332, 0.419],
      [0.657, 0.462],
      [1.108, 0.519],
      [Number.POSITIVE_INFINITY, 0.524],
    ],
    unsettled: [
      [0, 0.323],
      [0.613, 0.311],
      [Number.POSITIVE_INFINITY, 0.224],
    ],
  },
};

/** The confidence of a verdict on `side` resting on `weight` of evidence. */
export function calibrated(table: VerdictCalibration, side: VerdictSide, weight: number): number {
  const bins = table.sides[side];
  for (const [upTo, accuracy] of bins) if (weight <= upTo) return accuracy;
  return bins[bins.length - 1]?.[1] ?? 0.5;
}

/**
 * A table from verdicts whose correctness is known: per side, `bins` bins of equal count by
 * weight, each bin's accuracy, made monotone (non-decreasing in weight for a decided side,
 * non-increasing for an unsettled one) by pooling adjacent violators.
 */
export function fitCalibration(
  fittedFor: string,
  outcomes: ReadonlyArray<{ side: VerdictSide; weight: number; correct: boolean }>,
  bins = 4,
): VerdictCalibration {
  const fitSide = (side: VerdictSide): Array<[number, number]> => {
    const rows = outcomes.filter((o) => o.side === side).sort((a, b) => a.weight - b.weight);
    if (rows.length === 0) return [[Number.POSITIVE_INFINITY, 0.5]];
    const size = Math.ceil(rows.length / bins);
    let groups: Array<{ upTo: number; n: number; correct: number }> = [];
    for (let i = 0; i < rows.length; ) {
      // A bin ends where the weight changes: verdicts of equal weight (often 0, no evidence)
      // are one case and get one accuracy.
      let end = Math.min(rows.length, i + size);
      while (end < rows.length && rows[end]?.weight === rows[end - 1]?.weight) end++;
      const chunk = rows.slice(i, end);
      i = end;
      groups.push({
        upTo: chunk[chunk.length - 1]?.weight ?? 0,
        n: chunk.length,
        correct: chunk.filter((r) => r.correct).length,
      });
    }
    const increasing = side !== "unsettled";
    // Pool adjacent violators (and equals) until the accuracies run strictly the expected way.
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i + 1 < groups.length; i++) {
        const a = groups[i];
        const b = groups[i + 1];
        if (!a || !b) continue;
        const accA = a.correct / a.n;
        const accB = b.correct / b.n;
        if (increasing ? accA >= accB : accA <= accB) {
          groups = [
            ...groups.slice(0, i),
            { upTo: b.upTo, n: a.n + b.n, correct: a.correct + b.correct },
            ...groups.slice(i + 2),
          ];
          changed = true;
          break;
        }
      }
    }
    return groups.map((g, i) => [
      i === groups.length - 1 ? Number.POSITIVE_INFINITY : round(g.upTo),
      round(g.correct / g.n),
    ]);
  };
  return {
    fittedFor,
    sides: {
      supports: fitSide("supports"),
      refutes: fitSide("refutes"),
      unsettled: fitSide("unsettled"),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
