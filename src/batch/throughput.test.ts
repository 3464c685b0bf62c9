import { describe, expect, it } from "vitest";
import { formatDuration, progressStatus } from "./throughput.js";

describe("progressStatus", () => {
  it("shows done of total, the rate of this run's rows and the time left", () => {
    // 30 rows were done by an earlier run; this run did 20 in 10 s, so 150 left take 75 s.
    expect(progressStatus(50, 200, 30, 10_000)).toBe("50/200 · 2.0 rows/s · ETA 1m 15s");
  });

  it("shows only the counts until this run has done a row", () => {
    expect(progressStatus(30, 200, 30, 5_000)).toBe("30/200");
  });

  it("rounds fast rates to whole rows", () => {
    expect(progressStatus(120, 120, 0, 4_000)).toBe("120/120 · 30 rows/s · ETA 0s");
  });
});

describe("formatDuration", () => {
  it("writes seconds, minutes and hours", () => {
    expect(formatDuration(44.6)).toBe("45s");
    expect(formatDuration(104)).toBe("1m 44s");
    expect(formatDuration(7500)).toBe("2h 05m");
  });
});
