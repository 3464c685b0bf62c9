// Offline or model-backed stages, from the model choice: a configured model server is probed
// once, before any check starts, so an unreachable one is a clear error rather than a slow
// fallback on every stage. Evaluations use it directly to run the stages over many corpora.

import type { Assessor } from "../core/interfaces/assessor.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import type { ModelHandle } from "../llm/model-caller.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { modelCheckDependencies } from "./model-check.js";
import { type ModelChoice, modelOf } from "./model-choice.js";
import { offlineCheckDependencies } from "./offline-check.js";

export interface CheckStages {
  /** The stages over one corpus; the model (if any) is shared by every corpus. */
  deps: (corpus: CorpusStore) => CheckDependencies;
  /** "offline stages", or "model-backed stages (provider:model)". */
  label: string;
  /** The loaded model, when the stages use one. */
  model?: ModelHandle;
}

/**
 * Offline stages, or the configured model's (its server probed once): for runs over many
 * stores, such as evaluations. `llm` mode without a configured model is a BAD_CONFIG error.
 * `pacers` keeps the model's request rate (default: this process's pacers).
 */
export async function checkStages(
  choice: ModelChoice,
  options: { pacers?: PacerFactory } = {},
): Promise<CheckStages> {
  const llm = modelOf(choice);
  if (!llm) {
    return { deps: (corpus) => offlineCheckDependencies(corpus), label: "offline stages" };
  }
  const { checkReachable, modelHandleFor } = await import("../llm/providers.js");
  await checkReachable(llm);
  const handle = await modelHandleFor(llm, options);
  return {
    deps: (corpus) => modelCheckDependencies(corpus, handle, llm),
    label: `model-backed stages (${handle.id})`,
    model: handle,
  };
}

/**
 * Runs `work` with the assessor of `stages` alone, for stance benchmarks on sentence pairs: the
 * assessor reads no corpus, so the stages are built over an empty one, closed afterwards.
 */
export async function withAssessor<T>(
  stages: CheckStages,
  work: (assessor: Assessor) => Promise<T>,
): Promise<T> {
  const empty = openSqliteStore(":memory:");
  try {
    return await work(stages.deps(empty.corpus).assessor);
  } finally {
    await empty.close();
  }
}
