import { describe, expect, it } from "vitest";
import { parseBenchOptions, parseSizes } from "./options.ts";

describe("parseSizes", () => {
  it("reads k and m suffixes in either case, and plain numbers, smallest first", () => {
    expect(parseSizes("10k,100K,1m,2500")).toEqual([2_500, 10_000, 100_000, 1_000_000]);
  });

  it("runs a size given twice only once", () => {
    expect(parseSizes("10k,10000")).toEqual([10_000]);
  });

  it("refuses a size it cannot read", () => {
    expect(() => parseSizes("10x")).toThrow(/10x/);
    expect(() => parseSizes("0")).toThrow(/not a size/);
  });
});

describe("parseBenchOptions", () => {
  it("defaults to all three sizes, the peer on, and the shared SciFact folder", () => {
    const options = parseBenchOptions([], "/work/main");
    expect(options.sizes).toEqual([10_000, 100_000, 1_000_000]);
    expect(options.skipPeer).toBe(false);
    expect(options.dataDir).toBe("/work/shared/data/scifact");
  });

  it("rejects an unknown flag with the usage", () => {
    expect(() => parseBenchOptions(["--fast"], "/")).toThrow(/Usage/);
  });
});
