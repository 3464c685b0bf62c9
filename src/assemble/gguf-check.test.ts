// A check on an in-process GGUF model, configured the way a user configures it: the random-
// weight test model (see ../shared/models/README.md) answers in schema-shaped gibberish, so
// this proves the plumbing — loading, grammar-constrained JSON through every layer, budgets —
// and that a useless model still ends in a finished, honest report. A user's clone has no
// ../shared, so the suite is skipped there; CI always has it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StancePredictor } from "../assess/stance-assessor.js";
import { loadConfig } from "../config/config.js";
import { disposeGgufModels } from "../llm/gguf/index.js";
import { modelHandleFor } from "../llm/providers.js";
import { runCheck } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { modelCheckDependencies } from "./model-check.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TINY = resolve(ROOT, "../shared/models/llama-2-tiny-random.gguf");
const present = existsSync(TINY);

const stance: StancePredictor = {
  id: "stand-in",
  predict: () => ({ agree: 0.7, disagree: 0.1, discuss: 0.1, unrelated: 0.1 }),
};

let store: SqliteStores;
beforeAll(async () => {
  store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments([
    {
      id: "trial",
      title: "Vitamin D and influenza in schoolchildren",
      text: "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial.",
    },
  ]);
});
afterAll(async () => {
  await store.close();
  await disposeGgufModels();
});

describe.skipIf(!present)(
  `a check on the in-process GGUF model ${present ? "" : `(skipped: ${TINY} is absent)`}`,
  () => {
    it("runs the model through the stages, within the budget, and ends in an honest report", async () => {
      const { llm } = loadConfig({
        cwd: ROOT,
        env: {
          FACTUALLY_LLM_PROVIDER: "gguf",
          FACTUALLY_LLM_MODEL: TINY,
          FACTUALLY_LLM_THREADS: "1",
          // Four calls: the understand and plan stages (each a reply and its repair), no more.
          FACTUALLY_LLM_MAX_CALLS: "4",
        },
      });
      if (!llm) throw new Error("the GGUF configuration did not load");
      const handle = await modelHandleFor(llm);
      const { version } = await runCheck(
        "Vitamin D supplements reduce influenza in schoolchildren.",
        modelCheckDependencies(store.corpus, handle, llm, { stanceModel: stance }),
      );
      expect(version.status).toBe("done");
      expect(version.usage.every((u) => u.model === "gguf:llama-2-tiny-random.gguf")).toBe(true);
      expect(version.usage.reduce((n, u) => n + u.calls, 0)).toBeLessThanOrEqual(4);
      expect(version.tokens.output).toBeGreaterThan(0);
      // Local compute has no price: the cost is known to be zero, not unknown.
      expect(version.usage.every((u) => u.costUsd === 0)).toBe(true);
      // Whatever the random model said, nothing unchecked reached the report as fact.
      const fellBack = new Set(version.fallbacks.map((f) => f.stage));
      expect(fellBack.has("assess") && fellBack.has("write") && fellBack.has("verify")).toBe(true);
      expect(version.report.writer).toBe("extractive@1");
    }, 120_000);
  },
);
