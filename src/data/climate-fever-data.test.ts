import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadClimateFever } from "./climate-fever-data.js";

const FIXTURE = new URL("../../test/fixtures/eval/climate-fever", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/climate-fever", import.meta.url).pathname;

describe("loadClimateFever", () => {
  it("makes one document per distinct evidence sentence, titled with its article", () => {
    const set = loadClimateFever(FIXTURE, "all");
    expect(set.documents).toHaveLength(6);
    expect(set.documents[0]).toEqual({
      id: "Sea ice:12",
      title: "Sea ice",
      text: "Arctic sea ice has declined over the satellite record as the climate warmed.",
    });
    expect(set.notes).toEqual(["7 evidence sentences of 4 claims, 6 distinct: one document each"]);
  });

  it("takes a part's claims, with the sentences that take a side as their evidence", () => {
    const report = loadClimateFever(FIXTURE, "report");
    expect(report.claims.map((c) => [c.id, c.gold])).toEqual([
      ["0", "SUPPORTS"],
      ["1", "REFUTES"],
      ["7", "DISPUTED"],
    ]);
    expect(report.claims[2]?.evidence).toEqual(["Polar bear:308", "Polar bear:61"]);
    expect(report.documents).toHaveLength(6);
    expect(loadClimateFever(FIXTURE, "train").claims.map((c) => c.id)).toEqual(["5"]);
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real climate-fever.jsonl (needs ../shared/data/climate-fever; skipped when it is absent)",
    () => {
      it("reads 1,535 claims and 7,675 evidence sentences, 5,240 distinct", () => {
        const set = loadClimateFever(SHARED, "all");
        expect(set.claims).toHaveLength(1535);
        expect(set.documents).toHaveLength(5240);
        expect(set.notes?.[0]).toMatch(/^7675 evidence sentences/);
      });
    },
  );
});
