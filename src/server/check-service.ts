// What the API and the pages ask of the engine: start a check (or join the one already running
// for the same input) or refresh a stored check, queued and bounded by CheckJobs and run by the
// job runner (on worker threads, or on this one). The engine does the wiring.
import type { Engine } from "../assemble/engine.js";
import { requireCheck } from "../records/lookup.js";
import { checkIdForInput } from "../text/check-id.js";
import { checkableText } from "../text/input.js";
import type { CheckJob, CheckJobs } from "./check-jobs.js";
import type { CheckJobRunner } from "./job-runner.js";

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
  /** Where checks run: on worker threads (how many are up) or on the main thread. */
  readonly runner: Pick<CheckJobRunner, "where" | "workers">;
  startCheck(request: CheckRequest): StartedJob;
  startRefresh(id: string): Promise<StartedJob>;
  close(): Promise<void>;
}

export interface CheckServiceOptions {
  engine: Engine;
  jobs: CheckJobs;
  /** Runs each job (on a worker thread or this one); closed with the service. */
  runner: CheckJobRunner;
}

export function createCheckService({ engine, jobs, runner }: CheckServiceOptions): CheckService {
  return {
    runner,
    startCheck(request) {
      const text = checkableText(request.text);
      const checkId = checkIdForInput(text);
      const { job, joined } = jobs.submit(checkId, "check", (onEvent, signal) =>
        runner.run(
          {
            kind: "check",
            text,
            ...(request.fresh === undefined ? {} : { fresh: request.fresh }),
            ...(request.web === undefined ? {} : { web: request.web }),
            ...(request.llm === undefined ? {} : { llm: request.llm }),
          },
          { onEvent, signal },
        ),
      );
      return { checkId, job, joined };
    },
    async startRefresh(id) {
      // An unknown check is a 404 now, not a failed job later.
      await requireCheck(engine.checks, id);
      const { job, joined } = jobs.submit(id, "refresh", (onEvent, signal) =>
        runner.run({ kind: "refresh", id }, { onEvent, signal }),
      );
      return { checkId: id, job, joined };
    },
    async close() {
      await jobs.close();
      await runner.close();
    },
  };
}
