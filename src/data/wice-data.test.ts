import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadWice } from "./wice-data.js";

const FIXTURE = new URL("../../test/fixtures/eval/wice", import.meta.url).pathname;
const SHARED = new URL("../../../shared/data/wice", import.meta.url).pathname;

describe("loadWice", () => {
  it("reads each oracle chunk as one pair, numbering the chunks of one claim", () => {
    const set = loadWice(FIXTURE, "test");
    expect(set.pairs.map((p) => [p.id, p.claimId, p.gold])).toEqual([
      ["test00001#0", "test00001", "supported"],
      ["test00001#1", "test00001", "supported"],
      ["test00002#0", "test00002", "partially_supported"],
      ["test00003#0", "test00003", "not_supported"],
    ]);
    expect(set.pairs[2]?.evidence).toBe(
      "The bridge opened to traffic in 1932. It was painted grey.",
    );
    expect(set.name).toBe("WiCE test, oracle chunks (4 pairs of 3 claims)");
  });

  describe.skipIf(!existsSync(SHARED))(
    "on the real WiCE files (needs ../shared/data/wice; skipped when it is absent)",
    () => {
      it("reads 1,070 test pairs of 358 claims", () => {
        expect(loadWice(SHARED, "test").name).toBe(
          "WiCE test, oracle chunks (1070 pairs of 358 claims)",
        );
      });
    },
  );
});
