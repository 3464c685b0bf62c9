// What the servers and the workers agree on: the queue's name, a job's data, and the Redis keys
// beside BullMQ's own (all under the deployment's prefix).
import type { CheckJobRequest } from "../check-job.js";

/** The BullMQ queue of checks and refreshes (its keys are `<prefix>:checks:…`). */
export const QUEUE_NAME = "checks";

/** A queued job: keyed by its check id (so a second request for the same check joins it). */
export interface QueuedJobData {
  request: CheckJobRequest;
  /** This run's own id: names its progress stream, tells a new run from an older one. */
  nonce: string;
  /** When the run was asked for (ISO): a version stored since then answers it. */
  submittedAt: string;
}

/** The hourly tick of scheduled re-checks (FACTUALLY_AUTO_REFRESH=on): a job of this name. */
export const AUTO_REFRESH_JOB = "auto-refresh";
/** Its BullMQ job scheduler, one for the deployment however many servers upsert it. */
export const AUTO_REFRESH_SCHEDULER = "factually-auto-refresh";

/** Where workers hear which running jobs to cancel (the message is the job id). */
export function cancelChannel(prefix: string): string {
  return `${prefix}:cancel`;
}

/** Where a run's result is kept once its version is stored, so a retry does not run it again. */
export function resultKey(prefix: string, key: string, nonce: string): string {
  return `${prefix}:result:${key}:${nonce}`;
}

/** Workers alive: a sorted set of worker names scored by their last heartbeat (ms). */
export function workersKey(prefix: string): string {
  return `${prefix}:workers`;
}

/** How often a worker says it is alive, and when one that has not said so is counted gone. */
export const WORKER_HEARTBEAT_MS = 5000;
export const WORKER_GONE_MS = 15_000;

/** Set once per Redis lifetime: missing after a restart means the queue's data was lost. */
export function epochKey(prefix: string): string {
  return `${prefix}:epoch`;
}
