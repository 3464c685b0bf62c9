import { describe, expect, it } from "vitest";
import type { VersionSummary } from "../core/interfaces/check-store.js";
import type { VerdictLabel } from "../core/schema/verdict.js";
import { verdictChangeSince } from "./verdict-change.js";

const version = (n: number, day: number, label: VerdictLabel): VersionSummary => ({
  n,
  checkedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
  verdict: { label, confidence: 0.7 },
  sources: 2,
  feedback: { helpful: 0, notHelpful: 0 },
});
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12)).toISOString();

describe("verdictChangeSince", () => {
  const versions = [version(1, 1, "supported"), version(2, 5, "mixed"), version(3, 9, "refuted")];

  it("compares the verdict in force at the last look with the latest", () => {
    expect(verdictChangeSince(versions, at(2))).toEqual({
      from: { n: 1, label: "supported" },
      to: { n: 3, label: "refuted" },
    });
    expect(verdictChangeSince(versions, at(6))).toEqual({
      from: { n: 2, label: "mixed" },
      to: { n: 3, label: "refuted" },
    });
  });

  it("says nothing when nothing is newer than the look, or the check is new since it", () => {
    expect(verdictChangeSince(versions, at(10))).toBeUndefined();
    expect(verdictChangeSince(versions, at(0))).toBeUndefined();
    expect(verdictChangeSince([], at(3))).toBeUndefined();
    expect(verdictChangeSince(versions, "not a date")).toBeUndefined();
  });

  it("says nothing when the verdict came back to what was seen", () => {
    const back = [...versions, version(4, 12, "supported")];
    expect(verdictChangeSince(back, at(2))).toBeUndefined();
    expect(verdictChangeSince(back, at(6))).toMatchObject({ to: { n: 4, label: "supported" } });
  });
});
