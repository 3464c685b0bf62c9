// `factually worker`: runs the checks and refreshes that servers put on the Redis queue
// (FACTUALLY_REDIS_URL), against the shared PostgreSQL store (FACTUALLY_DATABASE_URL). Any number
// of workers on any number of machines; each prints a line per job. SIGTERM or Ctrl-C stops
// taking jobs and lets running ones finish for FACTUALLY_WORKER_GRACE_MS, then puts them back.
import type { Config } from "../../config/config.js";
import { FactuallyError } from "../../core/errors.js";
import { type QueueWorkerEvent, startQueueWorker } from "../../server/cluster/queue-worker.js";
import { openRedis, redactRedisUrl, requireRedis } from "../../server/cluster/redis-connection.js";
import { createRedisPacers } from "../../server/cluster/redis-pacers.js";
import { isPostgresUrl } from "../../text/database-url.js";
import { openCliEngine } from "../cli-engine.js";
import type { CliIo } from "../io.js";
import { untilSignal } from "../until-signal.js";

export interface WorkerCommandOptions {
  config: Config;
  concurrency: number;
  /** Resolves when the worker should stop (SIGTERM or Ctrl-C by default). */
  stop?: Promise<void>;
}

export async function workerCommand(options: WorkerCommandOptions, io: CliIo): Promise<number> {
  const { config } = options;
  const queue = config.server.queue;
  if (!queue) {
    throw new FactuallyError(
      "BAD_INPUT",
      "a worker takes checks from the Redis queue: set FACTUALLY_REDIS_URL (e.g. redis://127.0.0.1:6379) to the Redis the servers use",
      { target: "FACTUALLY_REDIS_URL" },
    );
  }
  if (!isPostgresUrl(config.db)) {
    throw new FactuallyError(
      "BAD_INPUT",
      "a worker stores its checks where every server reads them: set FACTUALLY_DATABASE_URL (or --db) to the PostgreSQL database the servers use",
      { target: "FACTUALLY_DATABASE_URL" },
    );
  }
  // Model and search requests keep each API key's pace across every worker, through Redis.
  // Redis is asked first: a worker that cannot reach it opens nothing else.
  const paceRedis = openRedis(queue.redisUrl);
  try {
    await requireRedis(paceRedis, queue.redisUrl);
  } catch (error) {
    paceRedis.disconnect();
    throw error;
  }
  const engine = await openCliEngine(config, io, {
    mustExist: false,
    access: "read-write",
    pacers: createRedisPacers({ redis: paceRedis, prefix: `${queue.prefix}:` }),
  }).catch((error: unknown) => {
    paceRedis.disconnect();
    throw error;
  });
  try {
    // The stages (and the configured model) load now, not in the first job.
    await engine.stages();
    const worker = await startQueueWorker({
      engine,
      queue,
      concurrency: options.concurrency,
      onJob: (event) => io.stderr.write(`${jobLine(event)}\n`),
    });
    io.stdout.write(
      `Factually worker ${process.pid}: running checks from ${redactRedisUrl(queue.redisUrl)} (queue prefix ${queue.prefix}, ${options.concurrency} at once) into ${engine.location}\n` +
        "SIGTERM or Ctrl-C stops it.\n",
    );
    await (options.stop ?? untilSignal());
    io.stderr.write(
      `Stopping: ${worker.running()} check(s) running get ${queue.graceMs / 1000} s to finish, then go back on the queue...\n`,
    );
    await worker.close();
    return 0;
  } finally {
    await engine.close();
    paceRedis.disconnect();
  }
}

function jobLine(event: QueueWorkerEvent): string {
  switch (event.type) {
    case "started":
      return `${event.id} ${event.kind} started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`;
    case "done":
      return `${event.id} done: version ${event.n}, ${event.outcome}, ${event.ms} ms`;
    case "retrying":
      return `${event.id} failed (attempt ${event.attempt}), will be retried: ${event.reason}`;
    case "failed":
      return `${event.id} failed: ${event.reason}`;
    case "returned":
      return `${event.id} put back on the queue (this worker is stopping)`;
    case "scheduled":
      return `scheduled re-checks: ${event.count} stale check(s) queued for refresh`;
  }
}
