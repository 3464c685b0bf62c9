import { describe, expect, it } from "vitest";
import { claimPart, REPORT_SHARE } from "./claim-split.js";

describe("claimPart", () => {
  it("gives the same part to the same claim every time", () => {
    expect(claimPart("liar-plus", "1234.json")).toBe(claimPart("liar-plus", "1234.json"));
  });

  it("keeps about the report share of claims for reporting", () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `claim-${i}`);
    const report = ids.filter((id) => claimPart("set", id) === "report").length / ids.length;
    expect(Math.abs(report - REPORT_SHARE)).toBeLessThan(0.03);
  });

  it("splits each set on its own", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const a = ids.map((id) => claimPart("a", id)).join();
    const b = ids.map((id) => claimPart("b", id)).join();
    expect(a).not.toBe(b);
  });
});
