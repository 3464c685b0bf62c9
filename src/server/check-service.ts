// What the API and the pages ask of the engine: start a check (or join the one already running
// for the same input), refresh a stored check, see whether a check is running or why its last
// run failed, and cancel a run. Two implementations: in this process (CheckJobs bounded queue,
// run on worker threads or this one — below), and on a Redis queue feeding `factually worker`
// processes (cluster/queued-checks.ts). The engine does the wiring.
import type { Engine } from "../assemble/engine.js";
import { messageOf } from "../core/errors.js";
import { requireCheck } from "../records/lookup.js";
import { checkIdForInput } from "../text/check-id.js";
import { checkableText } from "../text/input.js";
import type { CheckJobRequest } from "./check-job.js";
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

/** Where a check's run stands: waiting, running, or failed (with why) and not yet run again. */
export type RunStatus =
  | { state: "queued" | "running" }
  | {
      state: "failed";
      /** What went wrong, in words a reader can act on. */
      reason: string;
      /** When the run failed (ISO time). */
      at: string;
    };

/** Where checks run: worker threads, the server's own thread, or a queue feeding workers. */
export type RunPlace = "threads" | "main" | "queue";

export interface RunCounts {
  running: number;
  queued: number;
}

export interface CheckService {
  /** Where checks run and how many workers are up (threads here, or queue worker processes). */
  readonly runner: { readonly where: RunPlace; workers(): Promise<number> };
  startCheck(request: CheckRequest): Promise<StartedJob>;
  startRefresh(id: string): Promise<StartedJob>;
  /** The run of check `id` now, or its last failure (kept a day); undefined when neither. */
  status(id: string): Promise<RunStatus | undefined>;
  /** Stops the queued or running run of `id`; false when there is none. */
  cancel(id: string): Promise<boolean>;
  counts(): Promise<RunCounts>;
  close(): Promise<void>;
}

/** The checkable text and check id of a request, or BAD_INPUT. */
export function checkJobOf(request: CheckRequest): {
  checkId: string;
  job: Extract<CheckJobRequest, { kind: "check" }>;
} {
  const text = checkableText(request.text);
  return {
    checkId: checkIdForInput(text),
    job: {
      kind: "check",
      text,
      ...(request.fresh === undefined ? {} : { fresh: request.fresh }),
      ...(request.web === undefined ? {} : { web: request.web }),
      ...(request.llm === undefined ? {} : { llm: request.llm }),
    },
  };
}

/**
 * How both services start runs through their own `submit`: a check keyed by its input's id, a
 * refresh only of a stored check (an unknown one is a 404 now, not a failed job later).
 */
export function runStarters(
  engine: Engine,
  submit: (key: string, request: CheckJobRequest) => Promise<StartedJob>,
): Pick<CheckService, "startCheck" | "startRefresh"> {
  return {
    async startCheck(request) {
      const { checkId, job } = checkJobOf(request);
      return submit(checkId, job);
    },
    async startRefresh(id) {
      await requireCheck(engine.checks, id);
      return submit(id, { kind: "refresh", id });
    },
  };
}

export interface CheckServiceOptions {
  engine: Engine;
  jobs: CheckJobs;
  /** Runs each job (on a worker thread or this one); closed with the service. */
  runner: CheckJobRunner;
  now?: () => Date;
}

/** Failures remembered for `status`: the last one per check, for a day, at most this many. */
const FAILURES_KEPT = 1000;
const FAILURE_KEPT_MS = 24 * 60 * 60 * 1000;

/** Checks run in this process: queued by `jobs`, run by `runner`. */
export function createCheckService({
  engine,
  jobs,
  runner,
  now = () => new Date(),
}: CheckServiceOptions): CheckService {
  const failures = new Map<string, { reason: string; at: Date }>();
  const watch = (key: string, job: CheckJob) => {
    job.done.then(
      () => failures.delete(key),
      (error: unknown) => {
        failures.delete(key);
        failures.set(key, { reason: messageOf(error), at: now() });
        if (failures.size > FAILURES_KEPT) failures.delete(failures.keys().next().value as string);
      },
    );
  };
  const submit = (key: string, request: CheckJobRequest): StartedJob => {
    const { job, joined } = jobs.submit(key, request.kind, (onEvent, signal) =>
      runner.run(request, { onEvent, signal }),
    );
    if (!joined) watch(key, job);
    return { checkId: key, job, joined };
  };
  return {
    runner: { where: runner.where, workers: async () => runner.workers() },
    ...runStarters(engine, async (key, request) => submit(key, request)),
    async status(id) {
      const job = jobs.get(id);
      if (job && (job.state === "queued" || job.state === "running")) return { state: job.state };
      const failed = failures.get(id);
      if (!failed || now().getTime() - failed.at.getTime() > FAILURE_KEPT_MS) return undefined;
      return { state: "failed", reason: failed.reason, at: failed.at.toISOString() };
    },
    async cancel(id) {
      return jobs.cancel(id);
    },
    async counts() {
      return { running: jobs.running, queued: jobs.queued };
    },
    async close() {
      await jobs.close();
      await runner.close();
    },
  };
}
