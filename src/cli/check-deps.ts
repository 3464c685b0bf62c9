// Which stages a check runs with: offline, or model-backed when a model is configured (or
// asked for with --llm); --offline always wins. A configured server is probed before any
// check starts, so an unreachable one is a clear start-up error rather than a slow fallback.
import { modelCheckDependencies } from "../assemble/model-check.js";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { FactuallyError } from "../core/errors.js";
import type { Store } from "../core/interfaces/store.js";
import type { CheckDependencies } from "../pipeline/run.js";
import type { ModelChoice } from "./model-choice.js";

export async function checkDependenciesFor(
  store: Store,
  choice: ModelChoice,
): Promise<CheckDependencies> {
  if (choice.mode === "offline" || (choice.mode === "auto" && !choice.llm)) {
    return offlineCheckDependencies(store);
  }
  const llm = choice.llm;
  if (!llm) {
    throw new FactuallyError(
      "BAD_CONFIG",
      "--llm needs a language model: set FACTUALLY_LLM_PROVIDER and FACTUALLY_LLM_MODEL (see the README's Language models section), or drop --llm to check offline",
      { target: "FACTUALLY_LLM_PROVIDER" },
    );
  }
  const { checkReachable, modelHandleFor } = await import("../llm/providers.js");
  await checkReachable(llm);
  return modelCheckDependencies(store, await modelHandleFor(llm), llm);
}
