// What the API and the pages ask of the engine: start a check (or join the one already running
// for the same input) or refresh a stored check, queued and bounded by CheckJobs. The engine
// does the wiring; this layer only names the job and adds the API's advice to its errors.

import { isEmptyCorpusError } from "../assemble/empty-corpus-error.js";
import type { Engine } from "../assemble/engine.js";
import { FactuallyError } from "../core/errors.js";
import { checkIdForInput } from "../pipeline/check-id.js";
import { checkableText } from "../pipeline/understand.js";
import { requireCheck } from "../records/lookup.js";
import type { CheckJob, CheckJobs } from "./check-jobs.js";

export interface CheckRequest {
  text: string;
  /** Run a new version even when a fresh one is stored. */
  fresh?: boolean;
  /** Search the web too (the configured providers, or Wikipedia). */
  web?: boolean;
  /** Use the configured language model (the default when one is configured). */
  llm?: boolean;
}

export interface StartedJob {
  checkId: string;
  job: CheckJob;
  /** True when the request joined a check already running or queued. */
  joined: boolean;
}

export interface CheckService {
  startCheck(request: CheckRequest): StartedJob;
  startRefresh(id: string): Promise<StartedJob>;
  close(): Promise<void>;
}

export interface CheckServiceOptions {
  engine: Engine;
  jobs: CheckJobs;
  now?: () => Date;
}

export function createCheckService({ engine, jobs, now }: CheckServiceOptions): CheckService {
  const clock = now ? { now } : {};
  return {
    startCheck(request) {
      const text = checkableText(request.text);
      const checkId = checkIdForInput(text);
      const { job, joined } = jobs.submit(checkId, "check", async (emit, signal) => {
        const result = await withApiAdvice(() =>
          engine.check(
            { text },
            {
              signal,
              onEvent: emit,
              fresh: request.fresh === true,
              web: request.web === true,
              ...(request.llm !== undefined ? { llm: request.llm } : {}),
              ...clock,
            },
          ),
        );
        return { checkId: result.check.id, n: result.version.n, outcome: result.outcome };
      });
      return { checkId, job, joined };
    },
    async startRefresh(id) {
      // An unknown check is a 404 now, not a failed job later.
      await requireCheck(engine.checks, id);
      const { job, joined } = jobs.submit(id, "refresh", async (emit, signal) => {
        const result = await withApiAdvice(() =>
          engine.refresh({ id }, { signal, onEvent: emit, ...clock }),
        );
        return { checkId: id, n: result.version.n, outcome: "refreshed" };
      });
      return { checkId: id, job, joined };
    },
    async close() {
      await jobs.close();
    },
  };
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
