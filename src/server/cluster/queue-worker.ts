// A worker process's side of the queue (`factually worker`): takes checks and refreshes off the
// Redis queue and runs them on its engine, publishing each run's progress to the run's stream.
// - A failure worth retrying (a provider or the database away, the check's lock still held by a
//   run that died) is retried with backoff; any other fails the job at once with its reason.
// - A version stored since the job was asked for answers it: a retry after a worker died between
//   storing a version and reporting it never stores a second one.
// - Cancels arrive on the deployment's cancel channel; the run stops at its next stage.
// - On close (SIGTERM), running checks get `graceMs` to finish; then they are stopped and put
//   back on the queue for another worker.
import { hostname } from "node:os";
import { type Job, Queue, UnrecoverableError, WaitingError, Worker } from "bullmq";
import type { Engine } from "../../assemble/engine.js";
import type { QueueConfig } from "../../config/server-config.js";
import { FactuallyError, messageOf } from "../../core/errors.js";
import { checkIdForInput } from "../../text/check-id.js";
import { refreshesThisTick } from "../auto-refresh.js";
import { runCheckJob } from "../check-job.js";
import { cancelled, type JobResult } from "../check-jobs.js";
import { serialiseError } from "../worker-protocol.js";
import { addRun, type CheckQueue, liveJob } from "./queue-jobs.js";
import {
  AUTO_REFRESH_JOB,
  cancelChannel,
  QUEUE_NAME,
  type QueuedJobData,
  resultKey,
  WORKER_HEARTBEAT_MS,
  workersKey,
} from "./queue-names.js";
import { openRedis, requireRedis } from "./redis-connection.js";
import { publishRun, RUN_KEPT_MS, runChannel } from "./run-channel.js";

export interface QueueWorkerOptions {
  engine: Engine;
  queue: QueueConfig;
  /** Checks this process runs at once. */
  concurrency: number;
  /** Told when a job starts and ends (the CLI prints a line). */
  onJob?: (event: QueueWorkerEvent) => void;
}

export type QueueWorkerEvent =
  | { type: "started"; id: string; kind: string; attempt: number }
  | { type: "done"; id: string; outcome: string; n: number; ms: number }
  | { type: "retrying"; id: string; reason: string; attempt: number }
  | { type: "failed"; id: string; reason: string }
  | { type: "returned"; id: string }
  /** The hourly tick of scheduled re-checks queued this many refreshes. */
  | { type: "scheduled"; count: number };

export interface QueueWorker {
  /** Checks running now. */
  running(): number;
  /**
   * Stops taking jobs; running ones get `graceMs` (the config's by default) to finish, then are
   * stopped and put back on the queue. Resolves when the worker is stopped.
   */
  close(graceMs?: number): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { engine, queue: settings, onJob } = options;
  const { redisUrl: url, prefix } = settings;
  const name = `factually-worker ${hostname()} ${process.pid}`;
  const redis = openRedis(url, { maxRetriesPerRequest: null, name });
  const cancels = openRedis(url, { maxRetriesPerRequest: null });
  try {
    await requireRedis(redis, url);
  } catch (error) {
    redis.disconnect();
    cancels.disconnect();
    throw error;
  }
  const cancelledJobs = new Set<string>();
  const queue: CheckQueue = new Queue(QUEUE_NAME, { connection: redis, prefix });
  queue.on("error", () => {});

  /** The hourly tick: the stale checks most due go on the queue as refreshes. */
  const queueScheduledRefreshes = async (): Promise<JobResult> => {
    const ids = await refreshesThisTick(engine, new Date());
    let queued = 0;
    for (const id of ids) {
      if (await liveJob(queue, id)) continue;
      await addRun(queue, settings, id, { kind: "refresh", id }, new Date());
      queued++;
    }
    onJob?.({ type: "scheduled", count: queued });
    return { checkId: AUTO_REFRESH_JOB, n: queued, outcome: "scheduled" };
  };
  let closing = false;
  let active = 0;

  const runJob = async (
    job: Job<QueuedJobData, JobResult>,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<JobResult> => {
    if (job.name === AUTO_REFRESH_JOB) return queueScheduledRefreshes();
    const key = job.id as string;
    const { request, nonce } = job.data;
    const channel = runChannel(prefix, key, nonce);
    const attempt = job.attemptsMade + 1;
    const started = performance.now();
    active++;
    onJob?.({ type: "started", id: key, kind: request.kind, attempt });
    // Events go out in order on one connection; the last is awaited before the job ends.
    let sent: Promise<unknown> = publishRun(redis, channel, { type: "started", attempt });
    try {
      const answered = await answeredSince(engine, redis, prefix, job);
      const result =
        answered ??
        (await runCheckJob(engine, request, {
          signal: signal ?? new AbortController().signal,
          onEvent: (event) => {
            sent = publishRun(redis, channel, { type: "event", event });
          },
        }));
      await redis.set(resultKey(prefix, key, nonce), JSON.stringify(result), "PX", RUN_KEPT_MS);
      await sent.catch(() => {});
      await publishRun(redis, channel, { type: "done", result });
      onJob?.({
        type: "done",
        id: key,
        outcome: result.outcome,
        n: result.n,
        ms: Math.round(performance.now() - started),
      });
      return result;
    } catch (error) {
      await sent.catch(() => {});
      if (cancelledJobs.delete(key)) {
        const fault = cancelled(key);
        await publishRun(redis, channel, { type: "failed", error: serialiseError(fault) });
        onJob?.({ type: "failed", id: key, reason: fault.message });
        throw new UnrecoverableError(fault.message);
      }
      if (closing && signal?.aborted && token) {
        // Stopped by the grace period's end: back on the queue, this attempt not counted.
        await job.moveToWait(token);
        await publishRun(redis, channel, {
          type: "retrying",
          attempt,
          reason: "the worker running it stopped; another worker takes it",
        });
        onJob?.({ type: "returned", id: key });
        throw new WaitingError();
      }
      const fault = FactuallyError.isInstance(error)
        ? error
        : new FactuallyError("INTERNAL", messageOf(error), { cause: error });
      const final = !fault.isRetryable || attempt >= (job.opts.attempts ?? 1);
      if (final) {
        await publishRun(redis, channel, { type: "failed", error: serialiseError(fault) });
        onJob?.({ type: "failed", id: key, reason: fault.message });
        throw new UnrecoverableError(fault.message);
      }
      await publishRun(redis, channel, { type: "retrying", attempt, reason: fault.message });
      onJob?.({ type: "retrying", id: key, reason: fault.message, attempt });
      throw new Error(fault.message);
    } finally {
      active--;
    }
  };

  const worker = new Worker<QueuedJobData, JobResult>(QUEUE_NAME, runJob, {
    connection: redis,
    prefix,
    concurrency: options.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    // A job whose worker died twice fails, rather than kill worker after worker.
    maxStalledCount: 2,
    name,
  });
  worker.on("error", (error) => {
    // A connection that is down is logged once per outage by openRedis.
    if (/ECONNREFUSED|ECONNRESET|Connection is closed/.test(messageOf(error))) return;
    console.error(`factually worker: ${messageOf(error)}`);
  });

  await cancels.subscribe(cancelChannel(prefix));
  cancels.on("message", (_channel: string, id: string) => {
    if (worker.cancelJob(id, "cancelled")) cancelledJobs.add(id);
  });
  await worker.waitUntilReady();
  // Servers count the workers alive from their heartbeats (/api/ready).
  const beat = () => void redis.zadd(workersKey(prefix), Date.now(), name).catch(() => {});
  beat();
  const heartbeat = setInterval(beat, WORKER_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    running: () => active,
    async close(graceMs = settings.graceMs) {
      closing = true;
      clearInterval(heartbeat);
      await redis.zrem(workersKey(prefix), name).catch(() => {});
      const stopped = worker.close();
      const timer = setTimeout(() => worker.cancelAllJobs("the worker is stopping"), graceMs);
      try {
        await stopped;
      } finally {
        clearTimeout(timer);
        await queue.close().catch(() => {});
        cancels.disconnect();
        redis.disconnect();
      }
    },
  };
}

/**
 * The result of `job` when it needs no run: its own result kept from an attempt that stored a
 * version and then died, or a version of the check stored since the job was asked for.
 */
async function answeredSince(
  engine: Engine,
  redis: ReturnType<typeof openRedis>,
  prefix: string,
  job: Job<QueuedJobData, JobResult>,
): Promise<JobResult | undefined> {
  const { request, nonce, submittedAt } = job.data;
  const key = job.id as string;
  const kept = await redis.get(resultKey(prefix, key, nonce));
  if (kept) return JSON.parse(kept) as JobResult;
  const checkId = request.kind === "refresh" ? request.id : checkIdForInput(request.text);
  const stored = await engine.checks.getCheck(checkId);
  const latest = stored?.versions.at(-1);
  if (!latest || Date.parse(latest.checkedAt) < Date.parse(submittedAt)) return undefined;
  return {
    checkId,
    n: latest.n,
    outcome: request.kind === "refresh" ? "refreshed" : "reused",
  };
}
