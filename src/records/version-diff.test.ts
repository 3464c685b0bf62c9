// The diff a refresh prints: verdict, sources by content hash, sentences without citations.
import { beforeAll, describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import type { CheckVersion } from "../core/schema/check.js";
import { runCheck } from "../pipeline/run.js";
import { renderDiffText } from "../render/diff.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { isStale } from "./staleness.js";
import { diffVersions, isUnchanged } from "./version-diff.js";

let base: CheckVersion;

beforeAll(async () => {
  const store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments([
    {
      id: "a",
      title: "Masks at home",
      text: "Face masks reduced household transmission of influenza in a randomised trial of 400 households.",
    },
    {
      id: "b",
      title: "Masks in schools",
      text: "Face masks did not reduce the transmission of influenza in schools, a cluster trial of 60 schools found.",
    },
  ]);
  base = (
    await runCheck(
      "Face masks reduce transmission of influenza.",
      offlineCheckDependencies(store.corpus),
    )
  ).version;
  await store.close();
});

const next = (change: (v: CheckVersion) => CheckVersion): CheckVersion =>
  change({ ...structuredClone(base), n: base.n + 1 });

describe("diffVersions", () => {
  it("finds nothing between a version and its re-run with renumbered citations", () => {
    const renumbered = next((v) => ({
      ...v,
      sources: v.sources.map((s) => ({ ...s, n: s.n + 10 })),
    }));
    const diff = diffVersions(base, renumbered);
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.sources.unchanged).toBe(base.sources.length);
    expect(renderDiffText(diff)).toContain("Nothing: the same verdict");
  });

  it("reports a changed verdict and confidence", () => {
    const diff = diffVersions(
      base,
      next((v) => ({ ...v, verdict: { ...v.verdict, label: "refuted", confidence: 0.9 } })),
    );
    expect(diff.verdict.labelChanged).toBe(true);
    expect(diff.verdict.after).toEqual({ label: "refuted", confidence: 0.9 });
    expect(renderDiffText(diff)).toMatch(/Verdict: .* → Refuted \(90%\)/);
  });

  it("tells added, removed and changed sources apart by key and content hash", () => {
    const [first, ...rest] = base.sources;
    if (!first) throw new Error("the fixture check found no sources");
    const diff = diffVersions(
      base,
      next((v) => ({
        ...v,
        sources: [
          { ...first, contentHash: "f".repeat(64) },
          { ...first, n: 9, documentId: "new-doc", title: "A new study" },
        ],
      })),
    );
    expect(diff.sources.changed.map((s) => s.key)).toEqual([`corpus:${first.documentId}`]);
    expect(diff.sources.added).toEqual([{ title: "A new study", key: "corpus:new-doc", after: 9 }]);
    expect(diff.sources.removed.map((s) => s.key)).toEqual(
      rest.map((s) => `corpus:${s.documentId}`),
    );
    const text = renderDiffText(diff);
    expect(text).toContain("+ [9] A new study");
    expect(text).toContain("its text changed since version 1");
  });

  it("lists report sentences added and removed, per section", () => {
    const diff = diffVersions(
      base,
      next((v) => ({
        ...v,
        report: {
          ...v.report,
          summary: [
            {
              text: "A brand new finding [1].",
              cites: [1],
              sentences: [{ text: "A brand new finding [1].", cites: [1], basis: "sources" }],
            },
          ],
        },
      })),
    );
    expect(diff.sentences.added).toEqual([
      { section: "summary", text: "A brand new finding [1]." },
    ]);
    expect(diff.sentences.removed.length).toBeGreaterThan(0);
    expect(diff.sentences.removed.every((s) => s.section === "summary")).toBe(true);
    // Each side keeps its own version's source numbers, and the text says so.
    expect(renderDiffText(diff)).toContain(
      `(citations: + lines use version ${diff.to}'s source numbers, - lines version ${diff.from}'s)`,
    );
  });
});

describe("isStale", () => {
  it("is false up to the window and true after it", () => {
    const checkedAt = "2026-01-01T00:00:00.000Z";
    expect(isStale(checkedAt, 30, new Date("2026-01-31T00:00:00Z"))).toBe(false);
    expect(isStale(checkedAt, 30, new Date("2026-01-31T00:00:01Z"))).toBe(true);
    expect(isStale(checkedAt, 1, new Date("2026-01-02T12:00:00Z"))).toBe(true);
  });
});
