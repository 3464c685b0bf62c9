// For tests of live progress: notes each job's events as the server's main thread has them (from
// a worker or its own thread), before they are streamed to anyone, and when each job's result is
// stored, by wrapping `jobs.submit`.
import type { CheckEvent } from "../../core/schema/check-event.js";
import type { CheckJobs } from "../check-jobs.js";

export interface JobWatch {
  /** Every pipeline event of a job, in the order the main thread received it. */
  onEvent?: (event: CheckEvent) => void;
  /** A job finished: its version is stored. */
  onStored?: () => void;
}

/** Watches every job submitted from now on; returns the undo. */
export function watchJobs(given: CheckJobs | undefined, watch: JobWatch = {}): () => void {
  const jobs = localJobs(given);
  const submit = jobs.submit;
  jobs.submit = (key, kind, run) =>
    submit.call(jobs, key, kind, async (emit, signal) => {
      const result = await run((event) => {
        watch.onEvent?.(event);
        emit(event);
      }, signal);
      watch.onStored?.();
      return result;
    });
  return () => {
    jobs.submit = submit;
  };
}

/** The server's in-process queue; a test of a server on the Redis queue has none. */
export function localJobs(jobs: CheckJobs | undefined): CheckJobs {
  if (!jobs) throw new Error("this server runs checks on the Redis queue, not in-process");
  return jobs;
}
