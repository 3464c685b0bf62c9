// How well a stated confidence matches how often it is right: expected calibration error
// (ECE) over equal-width confidence bins (Guo et al. 2017, "On Calibration of Modern Neural
// Networks", eq. 3), with each bin's count, mean confidence and accuracy.

export interface CalibrationPoint {
  /** The confidence stated, 0..1. */
  confidence: number;
  correct: boolean;
}

export interface CalibrationBin {
  /** Lower edge (inclusive). */
  from: number;
  /** Upper edge (exclusive, except 1 for the last bin). */
  to: number;
  count: number;
  /** Mean confidence in the bin; null when it is empty. */
  confidence: number | null;
  /** Share correct in the bin; null when it is empty. */
  accuracy: number | null;
}

export interface Calibration {
  /** Σ (bin count / all) × |accuracy − mean confidence| over the bins; 0 with no points. */
  ece: number;
  bins: CalibrationBin[];
}

/** ECE and the per-bin figures over `binCount` equal-width bins of [0, 1]. */
export function calibration(points: readonly CalibrationPoint[], binCount = 10): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const p of points) {
    const c = Math.min(1, Math.max(0, p.confidence));
    // The epsilon keeps a confidence of exactly k/10 in bin k despite binary fractions.
    const bin = sums[Math.min(binCount - 1, Math.floor(c * binCount + 1e-9))];
    if (!bin) continue;
    bin.count++;
    bin.confidence += c;
    if (p.correct) bin.correct++;
  }
  let ece = 0;
  const bins = sums.map((s, i): CalibrationBin => {
    const edge = (k: number) => Math.round((k / binCount) * 1e6) / 1e6;
    if (s.count === 0) {
      return { from: edge(i), to: edge(i + 1), count: 0, confidence: null, accuracy: null };
    }
    const confidence = s.confidence / s.count;
    const accuracy = s.correct / s.count;
    ece += (s.count / points.length) * Math.abs(accuracy - confidence);
    return { from: edge(i), to: edge(i + 1), count: s.count, confidence, accuracy };
  });
  return { ece, bins };
}
