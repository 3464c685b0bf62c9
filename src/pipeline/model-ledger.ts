// The model calls of one check: who called what, the tokens and cost, the fallbacks taken, and
// the budget (calls and tokens) that all stages of the check share.
import { FactuallyError } from "../core/errors.js";
import type { ModelCallRecord, StageRun } from "../core/interfaces/stage-run.js";
import type { StageFallback, StageUsage } from "../core/schema/check.js";
import type { StageName } from "../core/schema/check-event.js";
import type { CheckNote } from "../core/schema/check-note.js";

/** How much model use one check may spend. */
export interface ModelBudget {
  maxCalls: number;
  maxTokens: number;
}

export const UNLIMITED_BUDGET: ModelBudget = {
  maxCalls: Number.POSITIVE_INFINITY,
  maxTokens: Number.POSITIVE_INFINITY,
};

export interface ModelLedger {
  /** The StageRun handed to one stage. */
  stageRun(stage: StageName): StageRun;
  /** Per stage and model, in the order first used. */
  usage(): StageUsage[];
  fallbacks(): StageFallback[];
  notes(): string[];
  /** The same notes with their stage and code. */
  noteDetails(): CheckNote[];
  totals(): { calls: number; input: number; output: number };
}

export function createModelLedger(budget: ModelBudget = UNLIMITED_BUDGET): ModelLedger {
  const rows = new Map<string, StageUsage>();
  const fallbacks: StageFallback[] = [];
  const notes: CheckNote[] = [];
  let reserved = 0;
  let tokens = 0;

  const rowFor = (stage: StageName, model: string): StageUsage => {
    const key = `${stage}\u0000${model}`;
    let row = rows.get(key);
    if (!row) {
      row = { stage, model, calls: 0, inputTokens: 0, outputTokens: 0, removedCitations: 0 };
      rows.set(key, row);
    }
    return row;
  };

  return {
    stageRun(stage: StageName): StageRun {
      let lastModel = "";
      return {
        stage,
        reserveCall() {
          if (reserved >= budget.maxCalls) {
            throw new FactuallyError(
              "BUDGET_EXHAUSTED",
              `the check used all ${budget.maxCalls} model calls it may make (raise FACTUALLY_LLM_MAX_CALLS)`,
            );
          }
          if (tokens >= budget.maxTokens) {
            throw new FactuallyError(
              "BUDGET_EXHAUSTED",
              `the check used its budget of ${budget.maxTokens} tokens (raise FACTUALLY_LLM_MAX_TOKENS)`,
            );
          }
          reserved++;
        },
        record(call: ModelCallRecord) {
          lastModel = call.model;
          const row = rowFor(stage, call.model);
          row.calls++;
          row.inputTokens += call.inputTokens;
          row.outputTokens += call.outputTokens;
          if (call.costUsd !== undefined) row.costUsd = round6((row.costUsd ?? 0) + call.costUsd);
          tokens += call.inputTokens + call.outputTokens;
        },
        removedCitations(count: number) {
          if (count <= 0) return;
          rowFor(stage, lastModel || "model").removedCitations += count;
          notes.push({
            stage,
            code: "removed-citations",
            message: `${stage}: removed ${count} citation${count === 1 ? "" : "s"} of sources that do not exist`,
          });
        },
        fellBack(reason: string) {
          fallbacks.push({ stage, reason });
          notes.push({
            stage,
            code: "model-fallback",
            message: `${stage}: used the offline method instead of the model (${reason})`,
          });
        },
        note(text: string) {
          notes.push({ stage, code: "stage-note", message: `${stage}: ${text}` });
        },
      };
    },
    usage: () => [...rows.values()].map((row) => ({ ...row })),
    fallbacks: () => [...fallbacks],
    notes: () => notes.map((n) => n.message),
    noteDetails: () => [...notes],
    totals() {
      let calls = 0;
      let input = 0;
      let output = 0;
      for (const row of rows.values()) {
        calls += row.calls;
        input += row.inputTokens;
        output += row.outputTokens;
      }
      return { calls, input, output };
    },
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
