// The rule every model-backed stage follows: try the model within a deadline; on any fault
// (provider error, timeout, bad output, spent budget) use the offline implementation and
// record why. Only cancelling the check stops the check.
import { FactuallyError, isFactuallyError, messageOf } from "../../core/errors.js";
import { detachedStageRun, type StageRun } from "../../core/interfaces/stage-run.js";
import type { StageName } from "../../core/schema/check-event.js";
import { callStructured, type ModelHandle } from "../../llm/model-caller.js";
import type { Prompt } from "../../llm/prompts/prompt.js";

/** A configured model and how long one stage may spend on it before falling back. */
export interface StageModel {
  handle: ModelHandle;
  /** Milliseconds for the model part of one stage, retries and repairs included. */
  deadlineMs: number;
}

export interface ModelAttempt<T> {
  stage: StageName;
  model: StageModel;
  run: StageRun | undefined;
  signal: AbortSignal | undefined;
  /** The model path; it gets a signal that also fires at the stage's model deadline. */
  withModel(signal: AbortSignal, run: StageRun): Promise<T>;
  offline(): Promise<T>;
}

export async function modelOrOffline<T>(attempt: ModelAttempt<T>): Promise<T> {
  const run = attempt.run ?? detachedStageRun(attempt.stage);
  const deadline = AbortSignal.timeout(attempt.model.deadlineMs);
  const signal = attempt.signal ? AbortSignal.any([attempt.signal, deadline]) : deadline;
  try {
    return await attempt.withModel(signal, run);
  } catch (error) {
    if (attempt.signal?.aborted) throw cancelled(attempt.stage);
    run.fellBack(
      deadline.aborted
        ? `the model took longer than ${attempt.model.deadlineMs / 1000} s for this stage`
        : reasonOf(error),
    );
    return attempt.offline();
  }
}

/** One structured call with a prompt from `src/llm/prompts`. */
export function ask<In, Out>(
  model: StageModel,
  prompt: Prompt<In, Out>,
  input: In,
  run: StageRun,
  signal: AbortSignal,
): Promise<Out> {
  return callStructured(
    model.handle,
    {
      system: prompt.system(input),
      prompt: prompt.user(input),
      schema: prompt.schema,
      schemaName: prompt.name,
      maxOutputTokens: model.handle.maxOutputTokens?.[prompt.name] ?? prompt.maxOutputTokens,
    },
    run,
    signal,
  );
}

/** The stage id recorded in the fingerprint: which model and which prompt. */
export function modelStageId(model: StageModel, prompt: { version: string }): string {
  return `model:${model.handle.id}/${prompt.version}`;
}

export function reasonOf(error: unknown): string {
  if (isFactuallyError(error)) return `${error.code}: ${error.message}`;
  return messageOf(error);
}

function cancelled(stage: StageName): FactuallyError {
  return new FactuallyError("ABORTED", `the check was cancelled during the ${stage} stage`);
}
