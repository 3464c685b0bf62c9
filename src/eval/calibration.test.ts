import { describe, expect, it } from "vitest";
import { calibration } from "./calibration.js";

describe("calibration", () => {
  it("computes ECE as the count-weighted gap between accuracy and confidence per bin", () => {
    // Bin 0.7–0.8: 0.7, 0.7, 0.75, 0.75 with 2 right → confidence 0.725, accuracy 0.5, gap 0.225.
    // Bin 0.9–1.0: 0.9, 1.0 both right → confidence 0.95, accuracy 1, gap 0.05.
    // ECE = 4/6 × 0.225 + 2/6 × 0.05 = 0.15 + 0.01667 = 0.16667.
    const c = calibration([
      { confidence: 0.7, correct: true },
      { confidence: 0.7, correct: false },
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: false },
      { confidence: 0.9, correct: true },
      { confidence: 1, correct: true },
    ]);
    expect(c.ece).toBeCloseTo(0.16667, 4);
    expect(c.bins).toHaveLength(10);
    expect(c.bins[7]).toMatchObject({ from: 0.7, to: 0.8, count: 4, accuracy: 0.5 });
    expect(c.bins[7]?.confidence).toBeCloseTo(0.725);
    expect(c.bins[9]).toMatchObject({ count: 2, accuracy: 1 });
  });

  it("puts a confidence of exactly k/10 in bin k, and 1 in the last bin", () => {
    const bins = calibration(
      [0.3, 0.6, 0.7, 1].map((confidence) => ({ confidence, correct: true })),
    ).bins;
    expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 0, 1]);
  });

  it("is 0 for a perfectly calibrated set and leaves empty bins without figures", () => {
    const c = calibration([
      { confidence: 0.5, correct: true },
      { confidence: 0.5, correct: false },
    ]);
    expect(c.ece).toBe(0);
    expect(c.bins[0]).toEqual({ from: 0, to: 0.1, count: 0, confidence: null, accuracy: null });
    expect(calibration([]).ece).toBe(0);
  });
});
