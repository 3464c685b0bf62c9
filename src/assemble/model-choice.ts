// Offline or model-backed: the choice the --llm / --offline flags and the configuration make
// (kept apart from the stages themselves so parsing arguments loads no model code).
import type { LlmConfig } from "../config/llm-config.js";
import { FactuallyError } from "../core/errors.js";

export type ModelMode = "auto" | "llm" | "offline";

export interface ModelChoice {
  /** auto: the model when one is configured; llm: require one; offline: never. */
  mode: ModelMode;
  llm?: LlmConfig;
}

/** The mode from the --llm / --offline flags. */
export function modelModeOf(flags: { llm?: boolean; offline?: boolean }): ModelMode {
  if (flags.offline) return "offline";
  if (flags.llm) return "llm";
  return "auto";
}

/** The model `choice` uses, or undefined for offline stages; `llm` mode without one is BAD_CONFIG. */
export function modelOf(choice: ModelChoice): LlmConfig | undefined {
  if (choice.mode === "offline" || (choice.mode === "auto" && !choice.llm)) return undefined;
  if (!choice.llm) {
    throw new FactuallyError(
      "BAD_CONFIG",
      "--llm needs a language model: set FACTUALLY_LLM_PROVIDER and FACTUALLY_LLM_MODEL (see docs/language-models.md), or drop --llm to check offline",
      { target: "FACTUALLY_LLM_PROVIDER" },
    );
  }
  return choice.llm;
}

/**
 * Asks the model server of `choice` whether it answers, loading no stage: for a process whose
 * checks run elsewhere (the server's worker threads load their own stages and model).
 */
export async function probeModel(choice: ModelChoice): Promise<void> {
  const llm = modelOf(choice);
  if (!llm) return;
  const { checkReachable } = await import("../llm/providers.js");
  await checkReachable(llm);
}
