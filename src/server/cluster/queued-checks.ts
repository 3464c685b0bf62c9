// Checks on a Redis queue (BullMQ), run by `factually worker` processes on any machine: the
// CheckService of a server started with FACTUALLY_REDIS_URL. A job is keyed by its check id, so
// a second request for the same check, on any server, joins the run already queued or running;
// its progress is followed through the run's stream (run-channel.ts), so an SSE client on any
// server sees every event from the start. Jobs this server is waiting for are added again if
// Redis comes back empty (it keeps nothing on disk): a version stored meanwhile answers them.
import { randomUUID } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import type { Engine } from "../../assemble/engine.js";
import type { QueueConfig } from "../../config/server-config.js";
import { FactuallyError, messageOf } from "../../core/errors.js";
import { AUTO_REFRESH_EVERY_MS } from "../auto-refresh.js";
import type { CheckJobRequest } from "../check-job.js";
import {
  type CheckJob,
  cancelled,
  type JobKind,
  type JobResult,
  type JobUpdate,
  UpdateLog,
} from "../check-jobs.js";
import {
  type CheckService,
  type RunStatus,
  runStarters,
  type StartedJob,
} from "../check-service.js";
import { deserialiseError, serialiseError } from "../worker-protocol.js";
import { addRun, jobOptions, LIVE_STATES, liveJob } from "./queue-jobs.js";
import {
  AUTO_REFRESH_JOB,
  AUTO_REFRESH_SCHEDULER,
  cancelChannel,
  epochKey,
  QUEUE_NAME,
  type QueuedJobData,
  WORKER_GONE_MS,
  workersKey,
} from "./queue-names.js";
import { openRedis, queueFault, requireRedis } from "./redis-connection.js";
import { createRunFollower, publishRun, type RunUpdate, runChannel } from "./run-channel.js";

export interface QueuedChecksOptions {
  engine: Engine;
  queue: QueueConfig;
  /** Jobs waiting in the whole queue beyond which new ones are refused (429). */
  maxQueued: number;
  now?: () => Date;
}

export async function openQueuedChecks(options: QueuedChecksOptions): Promise<CheckService> {
  const { engine, queue: settings } = options;
  const { redisUrl: url, prefix } = settings;
  const now = options.now ?? (() => new Date());
  const redis = openRedis(url, { name: "factually-server" });
  const subscriber = openRedis(url, { maxRetriesPerRequest: null });
  const eventsConnection = openRedis(url, { maxRetriesPerRequest: null });
  /** Reads that a page or probe waits on fail at once while the connection is down. */
  const connected = () => {
    if (redis.status !== "ready") throw new Error(`the connection is ${redis.status}`);
  };
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw queueFault(error, url);
    }
  };
  try {
    await requireRedis(redis, url);
  } catch (error) {
    for (const connection of [redis, subscriber, eventsConnection]) connection.disconnect();
    throw error;
  }
  const queue = new Queue<QueuedJobData, JobResult>(QUEUE_NAME, { connection: redis, prefix });
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix });
  // Connection errors are logged once per outage by openRedis; BullMQ repeats them per client.
  queue.on("error", () => {});
  events.on("error", () => {});
  const follower = createRunFollower(redis, subscriber);
  /** Runs this server waits for (asked or joined here), by check id. */
  const runs = new Map<string, RemoteRun>();

  const track = async (key: string, data: QueuedJobData): Promise<RemoteRun> => {
    const known = runs.get(key);
    if (known && known.nonce === data.nonce) return known;
    const run = new RemoteRun(key, data);
    runs.set(key, run);
    void run.done
      .catch(() => {})
      .finally(() => {
        if (runs.get(key) === run) runs.delete(key);
        run.stop?.();
      });
    try {
      run.stop = await follower.follow(runChannel(prefix, key, data.nonce), (update) =>
        run.receive(update),
      );
    } catch (error) {
      // Not followed, so never ended here: forgotten, and the request fails.
      if (runs.get(key) === run) runs.delete(key);
      throw error;
    }
    if (run.final) run.stop();
    return run;
  };

  const submit = (key: string, request: CheckJobRequest): Promise<StartedJob> =>
    guard(async () => {
      for (let tries = 0; tries < 5; tries++) {
        const live = await liveJob(queue, key);
        if (live) {
          const run = await track(key, live.data);
          return { checkId: key, job: run, joined: true };
        }
        const counts = await queue.getJobCounts("waiting", "prioritized", "delayed");
        const waiting = Object.values(counts).reduce((a, b) => a + b, 0);
        if (waiting >= options.maxQueued) {
          throw new FactuallyError(
            "TOO_MANY",
            `the queue has ${waiting} checks waiting for a worker; try again in a minute`,
            { isRetryable: true },
          );
        }
        const { data, job } = await addRun(queue, settings, key, request, now());
        // Added, or another request added the same check first (then this joins that run).
        if (!job) continue;
        if (job.data.nonce === data.nonce) {
          return { checkId: key, job: await track(key, data), joined: false };
        }
        if (LIVE_STATES.has(await job.getState())) {
          return {
            checkId: key,
            job: await track(key, job.data),
            joined: true,
          };
        }
      }
      throw new FactuallyError("TOO_MANY", `check ${key} is being asked for too often; try again`, {
        isRetryable: true,
      });
    });

  // A run that ends without its worker saying so (a worker killed more often than the queue
  // allows, say): the queue's own events end it here.
  events.on("failed", ({ jobId, failedReason }) => {
    const run = runs.get(jobId);
    if (!run || run.final) return;
    void queue.getJob(jobId).then(async (job) => {
      if (job?.data.nonce !== run.nonce || (await job.getState()) !== "failed") return;
      run.receive({
        type: "failed",
        error: { code: "INTERNAL", message: failedReason, isRetryable: false },
      });
    });
  });
  events.on("completed", ({ jobId, returnvalue }) => {
    const run = runs.get(jobId);
    if (!run || run.final) return;
    const result = (typeof returnvalue === "string" ? JSON.parse(returnvalue) : returnvalue) as
      | JobResult
      | undefined;
    if (result?.checkId) run.receive({ type: "done", result });
  });

  // Redis keeps nothing on disk: after a restart the queue is empty. Runs this server is waiting
  // for are added again (same run id, so servers that add the same one add it once).
  let epoch: string = randomUUID();
  await guard(() => redis.set(epochKey(prefix), epoch, "NX"));
  epoch = (await guard(() => redis.get(epochKey(prefix)))) ?? epoch;
  redis.on("ready", () => {
    void (async () => {
      const current = await redis.get(epochKey(prefix));
      if (current === epoch) return;
      if (current === null) {
        const fresh = randomUUID();
        await redis.set(epochKey(prefix), fresh, "NX");
      }
      epoch = (await redis.get(epochKey(prefix))) ?? epoch;
      for (const [key, run] of runs) {
        if (run.final) continue;
        await queue.add(run.data.request.kind, run.data, jobOptions(settings, key));
        console.error(`factually: Redis lost the queue; check ${key} was queued again`);
      }
    })().catch((error: unknown) => {
      console.error(
        `factually: could not queue checks again after Redis came back: ${messageOf(error)}`,
      );
    });
  });
  await guard(() => events.waitUntilReady());
  // Scheduled re-checks: one hourly tick for the whole deployment, run by a worker. Every
  // server should say the same; the last one started decides.
  await guard(async () => {
    if (engine.config.autoRefresh.enabled && !engine.readOnly) {
      await queue.upsertJobScheduler(
        AUTO_REFRESH_SCHEDULER,
        { every: AUTO_REFRESH_EVERY_MS },
        { name: AUTO_REFRESH_JOB, data: {} as QueuedJobData },
      );
    } else {
      await queue.removeJobScheduler(AUTO_REFRESH_SCHEDULER);
    }
  });

  return {
    runner: {
      where: "queue",
      workers: () =>
        guard(async () => {
          const key = workersKey(prefix);
          await redis.zremrangebyscore(key, "-inf", Date.now() - WORKER_GONE_MS);
          return redis.zcard(key);
        }),
    },
    ...runStarters(engine, submit),
    status: (id) =>
      guard(async (): Promise<RunStatus | undefined> => {
        connected();
        const job = await queue.getJob(id);
        if (!job) return undefined;
        const state = await job.getState();
        if (state === "active") return { state: "running" };
        if (LIVE_STATES.has(state)) return { state: "queued" };
        if (state !== "failed") return undefined;
        return {
          state: "failed",
          reason: job.failedReason || "the run failed",
          at: new Date(job.finishedOn ?? job.timestamp).toISOString(),
        };
      }),
    cancel: (id) =>
      guard(async () => {
        const job = await queue.getJob(id);
        if (!job) return false;
        const state = await job.getState();
        if (!LIVE_STATES.has(state)) return false;
        if (state !== "active") {
          // Not taken by a worker yet: removed here, and its followers told.
          const removed = await job.remove().then(
            () => true,
            () => false,
          );
          if (removed) {
            await publishRun(redis, runChannel(prefix, id, job.data.nonce), {
              type: "failed",
              error: serialiseError(cancelled(id)),
            });
            return true;
          }
        }
        await redis.publish(cancelChannel(prefix), id);
        return true;
      }),
    counts: () =>
      guard(async () => {
        // A readiness probe must not wait for reconnects: a connection that is down says so now.
        connected();
        const counts = await queue.getJobCounts("active", "waiting", "prioritized", "delayed");
        return {
          running: counts.active ?? 0,
          queued: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
        };
      }),
    async close() {
      for (const run of runs.values()) run.stop?.();
      runs.clear();
      await follower.close();
      await Promise.allSettled([events.close(), queue.close()]);
      for (const connection of [redis, subscriber, eventsConnection]) connection.disconnect();
    },
  };
}

/** A run followed from this server: its updates so far are replayed to each subscriber. */
class RemoteRun implements CheckJob {
  readonly key: string;
  readonly data: QueuedJobData;
  state: CheckJob["state"] = "queued";
  readonly done: Promise<JobResult>;
  stop?: () => void;
  readonly #log = new UpdateLog();
  #resolve!: (result: JobResult) => void;
  #reject!: (error: FactuallyError) => void;

  constructor(key: string, data: QueuedJobData) {
    this.key = key;
    this.data = data;
    this.done = new Promise<JobResult>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.done.catch(() => {});
  }

  get kind(): JobKind {
    return this.data.request.kind;
  }

  get nonce(): string {
    return this.data.nonce;
  }

  /** Done or failed: later updates (a duplicate end, say) are ignored. */
  get final(): boolean {
    return this.state === "done" || this.state === "failed";
  }

  receive(update: RunUpdate): void {
    if (this.final) return;
    if (update.type === "started") {
      this.state = "running";
    } else if (update.type === "event") {
      this.#publish({ type: "event", event: update.event });
    } else if (update.type === "retrying") {
      this.state = "queued";
      this.#publish({ type: "retrying", attempt: update.attempt, reason: update.reason });
    } else if (update.type === "done") {
      this.state = "done";
      this.#publish({ type: "done", result: update.result });
      this.#resolve(update.result);
    } else {
      this.state = "failed";
      const error = deserialiseError(update.error);
      this.#publish({ type: "failed", error });
      this.#reject(error);
    }
  }

  subscribe(listener: (update: JobUpdate) => void): () => void {
    return this.#log.subscribe(listener);
  }

  #publish(update: JobUpdate): void {
    this.#log.publish(update);
  }
}
