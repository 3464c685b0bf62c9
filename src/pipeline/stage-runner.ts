// Runs one stage under the check's AbortSignal and the stage's own time budget, and times it.
import { FactuallyError, isFactuallyError } from "../core/errors.js";
import type { CheckEvent, StageName } from "../core/schema/check-event.js";

export interface StageContext {
  signal: AbortSignal | undefined;
  budgets: Readonly<Record<StageName, number>>;
  emit: (event: CheckEvent) => void;
  timings: Array<{ stage: string; ms: number }>;
}

/**
 * Resolves to the stage's result, or rejects with ABORTED when the check is cancelled and
 * TIMEOUT when the stage outlives its budget (the stage gets a signal that fires then too).
 */
export async function runStage<T>(
  ctx: StageContext,
  stage: StageName,
  work: (signal: AbortSignal) => Promise<T> | T,
): Promise<T> {
  const budget = ctx.budgets[stage];
  const timeout = AbortSignal.timeout(budget);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  if (ctx.signal?.aborted) throw reasonFor(ctx.signal, stage, budget);
  ctx.emit({ type: "stage-started", stage });
  const started = performance.now();
  let stop: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const onAbort = () => reject(reasonFor(ctx.signal, stage, budget));
    signal.addEventListener("abort", onAbort, { once: true });
    stop = () => signal.removeEventListener("abort", onAbort);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(() => work(signal)), stopped]);
    if (signal.aborted) throw reasonFor(ctx.signal, stage, budget);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    ctx.timings.push({ stage, ms });
    ctx.emit({ type: "stage-done", stage, ms });
    return result;
  } catch (error) {
    if (signal.aborted && !isFactuallyError(error)) throw reasonFor(ctx.signal, stage, budget);
    if (error instanceof DOMException && error.name === "AbortError")
      throw reasonFor(ctx.signal, stage, budget);
    throw error;
  } finally {
    stop?.();
  }
}

function reasonFor(
  outer: AbortSignal | undefined,
  stage: StageName,
  budget: number,
): FactuallyError {
  if (outer?.aborted) {
    return new FactuallyError("ABORTED", `the check was cancelled during the ${stage} stage`);
  }
  return new FactuallyError(
    "TIMEOUT",
    `the ${stage} stage took longer than its budget of ${budget} ms; raise budgets.${stage} or narrow the check`,
    { isRetryable: true },
  );
}
