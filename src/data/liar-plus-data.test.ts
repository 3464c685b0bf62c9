import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { loadLiarPlus } from "./liar-plus-data.js";

const FIXTURE = new URL("../../test/fixtures/eval/liar-plus", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/liar-plus", import.meta.url).pathname;

describe("loadLiarPlus", () => {
  it("takes the report part's statements as claims and their justifications as the corpus", () => {
    const set = loadLiarPlus(FIXTURE, "report");
    expect(set.claims.map((c) => [c.id, c.gold])).toEqual([
      ["2000.json", "true"],
      ["2002.json", "false"],
      ["2005.json", "mixed"],
    ]);
    expect(set.claims[2]?.text).toBe('Says the state "cut school funding by a third" last year.');
    expect(set.claims[0]?.evidence).toEqual(["2000.json"]);
    expect(set.documents.map((d) => d.id)).toEqual(["2000.json", "2002.json", "2005.json"]);
  });

  it("never puts the label, the speaker or the speaker's counts in a document", () => {
    for (const d of loadLiarPlus(FIXTURE, "report").documents) {
      expect(d.title).toBe("");
      expect(d.text).not.toMatch(/jane-doe|pants-fire|\b9\b/);
    }
  });

  it("skips and counts rows without a justification; the train part holds the rest", () => {
    expect(loadLiarPlus(FIXTURE, "report").notes).toEqual([
      "4 rows in the report part; 1 without a justification skipped",
    ]);
    expect(loadLiarPlus(FIXTURE, "train").claims.map((c) => c.id)).toEqual(["1001.json"]);
  });

  it("names the missing folder", () => {
    expect(() => loadLiarPlus("/nonexistent/liar-plus", "report")).toThrow(FactuallyError);
    expect(() => loadLiarPlus("/nonexistent/liar-plus", "report")).toThrow(
      /\/nonexistent\/liar-plus not found; pass --data DIR pointing at the LIAR-PLUS folder/,
    );
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real val2.tsv (needs ../shared/data/liar-plus; skipped when it is absent)",
    () => {
      it("reads 1,280 justified claims over both parts, about 30% for reporting", () => {
        const report = loadLiarPlus(SHARED, "report");
        const train = loadLiarPlus(SHARED, "train");
        expect(report.claims.length + train.claims.length).toBe(1280);
        expect(report.claims.length / 1280).toBeGreaterThan(0.25);
        expect(report.claims.length / 1280).toBeLessThan(0.35);
      });
    },
  );
});
