import { describe, expect, it } from "vitest";
import type { BenchMeasurement, RunOutcome } from "./bench-result.ts";
import { computeRatios, formatRatios, formatResults, formatTable } from "./table.ts";

function measured(
  engine: BenchMeasurement["engine"],
  docsPerSecond: number,
  p50: number,
): RunOutcome {
  return {
    status: "ok",
    measurement: {
      engine,
      engineLabel: engine,
      corpus: "synthetic 10k",
      documents: 10_000,
      ingestSeconds: 10_000 / docsPerSecond,
      docsPerSecond,
      heapGrowthBytes: 50 * 2 ** 20,
      ...(engine === "factually" ? { diskBytes: 25 * 2 ** 20 } : {}),
      query: { count: 200, p50, p95: p50 * 2, mean: p50 },
      peakRssBytes: 200 * 2 ** 20,
    },
  };
}

describe("formatTable", () => {
  it("pads text left-aligned and numbers right-aligned under a rule", () => {
    const table = formatTable([
      ["name", "count", "note"],
      ["a", "1", "x"],
      ["longer", "1,234", "y"],
    ]);
    expect(table.split("\n")).toEqual([
      "name    count  note",
      "------  -----  ----",
      "a           1  x",
      "longer  1,234  y",
    ]);
  });
});

describe("ratios", () => {
  it("says ours is faster or slower in words, from ours ÷ MiniSearch", () => {
    const ratios = computeRatios([
      measured("factually", 4_000, 10),
      measured("minisearch", 2_000, 5),
    ]);
    expect(ratios[0]?.ingestDocsPerSecond).toBe(2);
    expect(ratios[0]?.queryP50).toBe(2);
    const text = formatRatios(ratios);
    expect(text).toContain("2.0× faster");
    expect(text).toContain("2.0× slower");
    // 25 MB on disk against 50 MB of heap.
    expect(text).toContain("2.0× smaller");
  });

  it("explains a missing comparison with the peer's failure", () => {
    const failed: RunOutcome = {
      status: "out-of-memory",
      engine: "minisearch",
      corpus: "synthetic 10k",
      reason: "out of memory at 10k",
    };
    const ratios = computeRatios([measured("factually", 4_000, 10), failed]);
    expect(ratios).toEqual([{ corpus: "synthetic 10k", note: "MiniSearch: out of memory at 10k" }]);
  });
});

describe("formatResults", () => {
  it("keeps what a timed-out run measured before it ran out of time", () => {
    const outcome: RunOutcome = {
      status: "timed-out",
      engine: "factually",
      corpus: "synthetic 1M",
      reason: "timed out at 1M",
      ingest: {
        documents: 1_000_000,
        ingestSeconds: 200,
        docsPerSecond: 5_000,
        heapGrowthBytes: 0,
      },
      partialQuery: { count: 40, p50: 2_500, p95: 4_000, mean: 2_700 },
    };
    const row = formatResults([outcome]).split("\n")[2] ?? "";
    expect(row).toContain("5,000");
    expect(row).toContain("2500.0");
    expect(row).toContain("timed out at 1M; latencies over 40 queries");
  });
});
