// The checks a server is running: a bounded number at once, the rest queued (up to a limit),
// and a request for a check that is already running or queued joins that job instead of
// starting another. Each job keeps its progress events so a late subscriber (an SSE stream
// opened after the POST) sees everything from the start.
import { FactuallyError, messageOf } from "../core/errors.js";
import type { CheckEvent } from "../core/schema/check-event.js";

export type JobKind = "check" | "refresh";

/** What a finished job hands back: the check id and the version it produced or reused. */
export interface JobResult {
  checkId: string;
  n: number;
  outcome: string;
}

export type JobUpdate =
  | { type: "event"; event: CheckEvent }
  /** The run failed in a way worth another try; it waits for a worker again (queue only). */
  | { type: "retrying"; attempt: number; reason: string }
  | { type: "done"; result: JobResult }
  | { type: "failed"; error: FactuallyError };

export interface CheckJob {
  /** The check id (a job is keyed by the check it runs). */
  readonly key: string;
  readonly kind: JobKind;
  readonly state: "queued" | "running" | "done" | "failed";
  /** Resolves when the job ends; rejects with its FactuallyError. */
  readonly done: Promise<JobResult>;
  /** Every update so far is replayed, then live ones follow; returns the unsubscribe. */
  subscribe(listener: (update: JobUpdate) => void): () => void;
}

export interface JobRunner {
  /** Runs the job's work; `emit` forwards pipeline events. */
  (emit: (event: CheckEvent) => void, signal: AbortSignal): Promise<JobResult>;
}

export interface CheckJobsOptions {
  /** Checks running at once. */
  maxRunning: number;
  /** Checks waiting beyond those; more are refused (429) until some finish. */
  maxQueued: number;
}

export interface CheckJobs {
  /**
   * The running or queued job for `key` if there is one (joined), else a new job; throws
   * FactuallyError TOO_MANY when the queue is full.
   */
  submit(key: string, kind: JobKind, run: JobRunner): { job: CheckJob; joined: boolean };
  get(key: string): CheckJob | undefined;
  /**
   * Stops job `key`: a queued one fails at once, a running one at its next stage, both as
   * ABORTED; false when there is no such job.
   */
  cancel(key: string): boolean;
  readonly running: number;
  readonly queued: number;
  /** Cancels every job and waits for them to stop. */
  close(): Promise<void>;
}

export function createCheckJobs(options: CheckJobsOptions): CheckJobs {
  const jobs = new Map<string, Job>();
  const waiting: Job[] = [];
  let running = 0;
  const controller = new AbortController();

  const pump = () => {
    while (running < options.maxRunning && waiting.length > 0) {
      const job = waiting.shift() as Job;
      running++;
      job.start(controller.signal).finally(() => {
        running--;
        jobs.delete(job.key);
        pump();
      });
    }
  };

  return {
    submit(key, kind, run) {
      const existing = jobs.get(key);
      if (existing) return { job: existing, joined: true };
      if (waiting.length >= options.maxQueued && running >= options.maxRunning) {
        throw new FactuallyError(
          "TOO_MANY",
          `the server is running ${running} checks and has ${waiting.length} waiting; try again in a minute`,
          { isRetryable: true },
        );
      }
      const job = new Job(key, kind, run);
      jobs.set(key, job);
      waiting.push(job);
      pump();
      return { job, joined: false };
    },
    get: (key) => jobs.get(key),
    cancel(key) {
      const job = jobs.get(key);
      if (!job) return false;
      const at = waiting.indexOf(job);
      if (at >= 0) {
        waiting.splice(at, 1);
        jobs.delete(key);
      }
      job.cancel(at >= 0);
      return true;
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    async close() {
      controller.abort();
      await Promise.allSettled([...jobs.values()].map((j) => j.done));
    },
  };
}

/** The error of a run that was cancelled. */
export function cancelled(key: string): FactuallyError {
  return new FactuallyError("ABORTED", `the run of ${key} was cancelled; nothing was stored`, {
    target: key,
    subject: "check",
  });
}

class Job implements CheckJob {
  readonly key: string;
  readonly kind: JobKind;
  state: CheckJob["state"] = "queued";
  readonly done: Promise<JobResult>;
  readonly #log = new UpdateLog();
  readonly #run: JobRunner;
  readonly #cancelled = new AbortController();
  #resolve!: (result: JobResult) => void;
  #reject!: (error: FactuallyError) => void;

  constructor(key: string, kind: JobKind, run: JobRunner) {
    this.key = key;
    this.kind = kind;
    this.#run = run;
    this.done = new Promise<JobResult>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A job nobody awaits must not crash the process when it fails.
    this.done.catch(() => {});
  }

  /** Aborts the run; a job that never started fails at once. */
  cancel(queued: boolean): void {
    this.#cancelled.abort();
    if (queued) this.#fail(cancelled(this.key));
  }

  async start(signal: AbortSignal): Promise<void> {
    this.state = "running";
    try {
      const result = await this.#run(
        (event) => this.#publish({ type: "event", event }),
        AbortSignal.any([signal, this.#cancelled.signal]),
      );
      this.state = "done";
      this.#publish({ type: "done", result });
      this.#resolve(result);
    } catch (error) {
      if (this.#cancelled.signal.aborted) return this.#fail(cancelled(this.key));
      this.#fail(
        error instanceof FactuallyError
          ? error
          : new FactuallyError("INTERNAL", messageOf(error), { cause: error }),
      );
    }
  }

  #fail(fault: FactuallyError): void {
    this.state = "failed";
    this.#publish({ type: "failed", error: fault });
    this.#reject(fault);
  }

  subscribe(listener: (update: JobUpdate) => void): () => void {
    return this.#log.subscribe(listener);
  }

  #publish(update: JobUpdate): void {
    this.#log.publish(update);
  }
}

/** A job's updates so far, replayed to each new subscriber before the live ones. */
export class UpdateLog {
  readonly #updates: JobUpdate[] = [];
  readonly #listeners = new Set<(update: JobUpdate) => void>();

  subscribe(listener: (update: JobUpdate) => void): () => void {
    for (const update of this.#updates) listener(update);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(update: JobUpdate): void {
    this.#updates.push(update);
    for (const listener of this.#listeners) listener(update);
  }
}
