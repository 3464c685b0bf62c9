// Runs the real retrieval benchmark: it needs the SciFact data in ../shared/data, which CI
// always has beside the clone; a user's own clone does not, and then the test says so and skips.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRIEVAL } from "../store/sqlite/corpus-search.js";
import { ablationSteps, runScifactRetrieval } from "./scifact-retrieval.js";

const DATA = resolve(import.meta.dirname, "../../../shared/data/scifact");
const hasData = existsSync(join(DATA, "corpus.jsonl"));
if (!hasData) {
  console.warn(`skipping the SciFact retrieval benchmark test: ${DATA} is absent (CI has it)`);
}

describe("ablationSteps", () => {
  it("starts from flat BM25, has exactly one default step, and no two steps alike", () => {
    const steps = ablationSteps();
    expect(steps[0]?.options).toMatchObject({ titleWeight: 1, passageWeight: 0, feedbackDocs: 0 });
    const defaults = steps.filter((s) => s.isDefault);
    expect(defaults).toHaveLength(1);
    expect(defaults[0]?.options).toEqual(DEFAULT_RETRIEVAL);
    expect(new Set(steps.map((s) => JSON.stringify(s.options))).size).toBe(steps.length);
  });
});

describe.skipIf(!hasData)(
  "SciFact retrieval on the 300 BEIR test claims (needs ../shared/data/scifact)",
  () => {
    it("scores at least nDCG@10 0.67 and recall@100 0.90 over all 5,183 abstracts", async () => {
      const result = await runScifactRetrieval({ dataDir: DATA, split: "test", ablation: false });
      expect(result.documents).toBe(5183);
      expect(result.queries).toBe(300);
      expect(result.main.metrics["ndcg@10"]).toBeGreaterThanOrEqual(0.67);
      expect(result.main.metrics["recall@100"]).toBeGreaterThanOrEqual(0.9);
    }, 300_000);
  },
);
