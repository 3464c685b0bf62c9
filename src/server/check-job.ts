// One check or refresh job, from plain data to a stored version, run by the engine of the thread
// it lands on: the main thread's (in-thread runs) or a worker's own (check-worker.ts). The
// engine does the wiring; a job only names what to run and adds the API's advice to its errors.
import { isEmptyCorpusError } from "../assemble/empty-corpus-error.js";
import type { CheckControls, Engine } from "../assemble/engine.js";
import { FactuallyError } from "../core/errors.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import type { JobResult } from "./check-jobs.js";

/** A job as plain, structured-cloneable data: it crosses to a worker thread as it is. */
export type CheckJobRequest =
  | {
      kind: "check";
      /** The checkable text (already made well-formed and trimmed by `checkableText`). */
      text: string;
      /** Run a new version even when a fresh one is stored. */
      fresh?: boolean;
      /** Search the web too (the configured providers, or Wikipedia). */
      web?: boolean;
      /** Use the configured language model (the default when one is configured). */
      llm?: boolean;
    }
  /** A refresh looks where the version it refreshes looked (the engine reads that). */
  | { kind: "refresh"; id: string };

export interface RunCheckJobOptions {
  onEvent: (event: CheckEvent) => void;
  signal: AbortSignal;
  now?: () => Date;
}

/** Runs `request` on `engine` as the server runs every check: reuse or run-and-store, or refresh. */
export async function runCheckJob(
  engine: Engine,
  request: CheckJobRequest,
  options: RunCheckJobOptions,
): Promise<JobResult> {
  const controls: CheckControls = {
    signal: options.signal,
    onEvent: options.onEvent,
    ...(options.now ? { now: options.now } : {}),
  };
  if (request.kind === "refresh") {
    const result = await withApiAdvice(() => engine.refresh({ id: request.id }, controls));
    return { checkId: request.id, n: result.version.n, outcome: "refreshed" };
  }
  const result = await withApiAdvice(() =>
    engine.check(
      { text: request.text },
      {
        ...controls,
        fresh: request.fresh === true,
        web: request.web === true,
        ...(request.llm === undefined ? {} : { llm: request.llm }),
      },
    ),
  );
  return { checkId: result.check.id, n: result.version.n, outcome: result.outcome };
}

async function withApiAdvice<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isEmptyCorpusError(error)) throw error;
    throw new FactuallyError(
      "BAD_INPUT",
      "the corpus is empty and no web search is configured; ingest documents or ask with web",
      { cause: error },
    );
  }
}
