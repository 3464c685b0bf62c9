import { describe, expect, it } from "vitest";
import { DEFAULT_CALIBRATION } from "../pipeline/verdict-calibration.js";
import { loadStanceModel } from "../stance/model.js";

describe("the shipped verdict settings", () => {
  it("were fitted for the committed stance model", () => {
    // Retrained weights change what every threshold and confidence means: after
    // `npm run train:stance`, run `npm run tune:verdict` and copy its settings into
    // DEFAULT_STANCE_THRESHOLDS, DEFAULT_JUDGE and DEFAULT_CALIBRATION.
    expect(DEFAULT_CALIBRATION.fittedFor).toBe(loadStanceModel().fingerprint);
  });

  it("trust a verdict more as its evidence grows, and an unsettled one less", () => {
    for (const [side, bins] of Object.entries(DEFAULT_CALIBRATION.sides)) {
      expect(bins.at(-1)?.[0]).toBe(Number.POSITIVE_INFINITY);
      for (let i = 1; i < bins.length; i++) {
        const [upTo, accuracy] = bins[i] ?? [0, 0];
        const [lastUpTo, lastAccuracy] = bins[i - 1] ?? [0, 0];
        expect(upTo).toBeGreaterThan(lastUpTo);
        if (side === "unsettled") expect(accuracy).toBeLessThanOrEqual(lastAccuracy);
        else expect(accuracy).toBeGreaterThanOrEqual(lastAccuracy);
      }
    }
  });
});
