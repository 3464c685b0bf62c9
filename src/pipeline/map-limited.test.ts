import { describe, expect, it } from "vitest";
import { mapLimited } from "./map-limited.js";

describe("mapLimited", () => {
  it("keeps input order whatever order tasks finish in, and never runs more than the limit", async () => {
    let active = 0;
    let peak = 0;
    const results = await mapLimited([30, 5, 20, 1, 10], 2, async (ms, i) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return `${i}:${ms}`;
    });
    expect(results).toEqual(["0:30", "1:5", "2:20", "3:1", "4:10"]);
    expect(peak).toBe(2);
  });

  it("rejects with the first task's error and handles an empty list", async () => {
    await expect(
      mapLimited([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("two");
        return n;
      }),
    ).rejects.toThrow("two");
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
