// The model-backed check: the offline check with understand, plan, assess, write and verify
// done by the configured language model, each falling back to its offline implementation.
import type { StancePredictor } from "../assess/stance-assessor.js";
import type { LlmConfig } from "../config/llm-config.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { ModelHandle } from "../llm/model-caller.js";
import { PROMPT_VERSIONS } from "../llm/prompts/index.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { modelAssessor } from "./model-stages/assess.js";
import type { StageModel } from "./model-stages/model-or-offline.js";
import { modelPlanner } from "./model-stages/plan.js";
import { modelUnderstander } from "./model-stages/understand.js";
import { modelVerifier } from "./model-stages/verify.js";
import { modelWriter } from "./model-stages/write.js";
import { offlineCheckDependencies } from "./offline-check.js";

/** Rounds of calls one stage may need in sequence (verify: judge, rewrite, judge again). */
const ROUNDS_PER_STAGE = 4;
/** Time left to a stage, after its model deadline, for the offline fallback. */
const FALLBACK_MS = 60_000;

export function modelCheckDependencies(
  corpus: CorpusStore,
  handle: ModelHandle,
  llm: Pick<LlmConfig, "maxCalls" | "maxTokens" | "timeoutMs">,
  options: { stanceModel?: StancePredictor } = {},
): CheckDependencies {
  const offline = offlineCheckDependencies(corpus, options);
  const model: StageModel = { handle, deadlineMs: llm.timeoutMs * ROUNDS_PER_STAGE };
  const stageBudget = model.deadlineMs + FALLBACK_MS;
  return {
    ...offline,
    understander: modelUnderstander(model, offline.understander),
    planner: modelPlanner(model, offline.planner),
    assessor: modelAssessor(model, offline.assessor),
    writer: modelWriter(model, offline.writer),
    verifier: modelVerifier(model, offline.verifier),
    modelBudget: { maxCalls: llm.maxCalls, maxTokens: llm.maxTokens },
    promptVersion: PROMPT_VERSIONS,
    budgets: {
      understand: stageBudget,
      plan: stageBudget,
      assess: stageBudget,
      write: stageBudget,
      verify: stageBudget,
    },
  };
}
