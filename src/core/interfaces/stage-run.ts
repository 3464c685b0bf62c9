// What a stage may tell the check it runs in: model calls made (against the check's budget),
// fallbacks taken and notes. Offline stages ignore it; model-backed stages report through it.
import type { StageName } from "../schema/check-event.js";

/** One model call's cost, as the provider reported it. */
export interface ModelCallRecord {
  /** `provider:model`, e.g. `openai:gpt-4.1-mini`. */
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** Estimated from the configured price table; undefined when the price is unknown. */
  costUsd?: number;
}

export interface StageRun {
  readonly stage: StageName;
  /**
   * Reserves one model call against the check's budget; throws FactuallyError BUDGET_EXHAUSTED
   * when the check's calls or tokens are spent (the stage then falls back).
   */
  reserveCall(): void;
  /** Counts a finished call (also a failed one that the provider billed). */
  record(call: ModelCallRecord): void;
  /** Citations the model made to sources that do not exist, removed from its output. */
  removedCitations(count: number): void;
  /** The stage used its offline implementation instead, and why (shown in the report). */
  fellBack(reason: string): void;
  /** A recoverable problem worth recording in the version. */
  note(text: string): void;
}

/** A StageRun that records nothing and never runs out: for calling a stage on its own. */
export function detachedStageRun(stage: StageName): StageRun {
  return {
    stage,
    reserveCall() {},
    record() {},
    removedCitations() {},
    fellBack() {},
    note() {},
  };
}
