import { describe, expect, it } from "vitest";
import { mean, percentile, summarizeLatencies } from "./stats.ts";

describe("percentile", () => {
  it("gives the middle value as the median of an odd-sized list", () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
  });

  it("interpolates between the two middle values of an even-sized list", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
  });

  it("matches NumPy's default (linear) method for p95", () => {
    // numpy.percentile(range(1, 21), 95) == 19.05
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBeCloseTo(19.05, 10);
  });

  it("gives the minimum at 0 and the maximum at 100", () => {
    expect(percentile([7, 2, 9], 0)).toBe(2);
    expect(percentile([7, 2, 9], 100)).toBe(9);
  });

  it("does not reorder the caller's list", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it("refuses an empty list and a percentile outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarizeLatencies", () => {
  it("reports count, p50, p95 and mean together", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeLatencies(values)).toEqual({
      count: 100,
      p50: 50.5,
      p95: percentile(values, 95),
      mean: mean(values),
    });
    expect(mean(values)).toBe(50.5);
  });
});
