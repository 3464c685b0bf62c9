import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadHealthver } from "./healthver-data.js";

const FIXTURE = new URL("../../test/fixtures/eval/healthver", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/healthver", import.meta.url).pathname;

describe("loadHealthver", () => {
  it("reads each CSV row as a pair and skips rows without evidence", () => {
    const set = loadHealthver(FIXTURE, "test");
    expect(set.pairs.map((p) => [p.id, p.gold])).toEqual([
      ["101", "Supports"],
      ["102", "Refutes"],
      ["103", "Neutral"],
    ]);
    expect(set.pairs[0]?.evidence).toBe(
      "Masks reduced the spread of COVID-19 in a randomised trial of households, by about a third.",
    );
    expect(set.notes).toEqual(["1 row without a claim or evidence skipped"]);
    expect(loadHealthver(FIXTURE, "dev").pairs).toHaveLength(3);
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real HealthVer files (needs ../shared/data/healthver; skipped when it is absent)",
    () => {
      it("reads 1,823 test and 1,917 dev pairs", () => {
        expect(loadHealthver(SHARED, "test").pairs).toHaveLength(1823);
        expect(loadHealthver(SHARED, "dev").pairs).toHaveLength(1917);
      });
    },
  );
});
