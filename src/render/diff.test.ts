import { describe, expect, it } from "vitest";
import type { VersionDiff } from "../records/version-diff.js";
import { renderDiffText } from "./diff.js";

const diff = (
  before: VersionDiff["verdict"]["before"],
  after: VersionDiff["verdict"]["after"],
): VersionDiff => ({
  from: 1,
  to: 2,
  verdict: {
    before,
    after,
    labelChanged: before.label !== after.label,
    confidenceChange: after.confidence - before.confidence,
  },
  sources: { added: [], removed: [], changed: [], unchanged: 1 },
  sentences: { added: [{ section: "summary", text: "A new sentence [1]." }], removed: [] },
});

describe("the verdict line of what changed", () => {
  it("gives no percentage to a label that nothing settles", () => {
    const text = renderDiffText(
      diff({ label: "unverified", confidence: 0.7 }, { label: "supported", confidence: 0.8 }),
    );
    expect(text).toContain("Verdict: Unverified → Supported (80%)");
    const same = renderDiffText(
      diff({ label: "unverified", confidence: 0.7 }, { label: "unverified", confidence: 0.7 }),
    );
    expect(same).toContain("Verdict: Unverified, unchanged\n");
  });

  it("shows how the confidence moved for a settled label", () => {
    const text = renderDiffText(
      diff({ label: "refuted", confidence: 0.6 }, { label: "refuted", confidence: 0.7 }),
    );
    expect(text).toContain("Verdict: Refuted, unchanged (confidence 60% → 70%)");
  });
});
