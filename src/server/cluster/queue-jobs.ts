// Adding runs to the queue as servers and the auto-refresh tick both do: one job per check id
// (so a second request joins the first), with the deployment's retries, and finished jobs
// kept a while so a request that races a run's end still finds it.
import { randomUUID } from "node:crypto";
import type { Job, Queue } from "bullmq";
import type { QueueConfig } from "../../config/server-config.js";
import type { CheckJobRequest } from "../check-job.js";
import type { JobResult } from "../check-jobs.js";
import type { QueuedJobData } from "./queue-names.js";

/** Finished jobs are kept this long, so a request that races their end still finds its run. */
const DONE_KEPT_SECONDS = 600;
/** Failed jobs (and so the reason the pages show) are kept a day. */
const FAILED_KEPT_SECONDS = 24 * 60 * 60;
/** States of a job that has not ended. */
export const LIVE_STATES: ReadonlySet<string> = new Set([
  "waiting",
  "active",
  "delayed",
  "prioritized",
  "waiting-children",
]);

export type CheckQueue = Queue<QueuedJobData, JobResult>;
export type QueuedJob = Job<QueuedJobData, JobResult>;

/** The options every run is added with. */
export function jobOptions(queue: QueueConfig, key: string) {
  return {
    jobId: key,
    attempts: queue.attempts,
    backoff: { type: "exponential" as const, delay: 5000 },
    removeOnComplete: { age: DONE_KEPT_SECONDS },
    removeOnFail: { age: FAILED_KEPT_SECONDS, count: 10_000 },
  };
}

/** The run of `key` if one is queued or running; a finished one is removed (a new run may start). */
export async function liveJob(queue: CheckQueue, key: string): Promise<QueuedJob | undefined> {
  const job = await queue.getJob(key);
  if (!job) return undefined;
  if (LIVE_STATES.has(await job.getState())) return job;
  await job.remove().catch(() => {});
  return undefined;
}

/** Adds a run of `request` as job `key`; when one was added first, that one is returned. */
export async function addRun(
  queue: CheckQueue,
  settings: QueueConfig,
  key: string,
  request: CheckJobRequest,
  now: Date,
): Promise<{ data: QueuedJobData; job: QueuedJob | undefined }> {
  const data: QueuedJobData = { request, nonce: randomUUID(), submittedAt: now.toISOString() };
  await queue.add(request.kind, data, jobOptions(settings, key));
  return { data, job: await queue.getJob(key) };
}
