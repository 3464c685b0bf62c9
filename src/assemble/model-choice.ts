// Offline or model-backed: the choice the --llm / --offline flags and the configuration make
// (kept apart from the stages themselves so parsing arguments loads no model code).
import type { LlmConfig } from "../config/llm-config.js";

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
