// Starts the service over an open engine: the check workers are started, the configured model is
// probed (so an unreachable one is a start-up error), then the API and the pages are served on
// one port.
import type { ServerOptions } from "node:http";
import { serve } from "@hono/node-server";
import type { Engine } from "../assemble/engine.js";
import type { ServerConfig } from "../config/server-config.js";
import { FactuallyError } from "../core/errors.js";
import { isPostgresUrl } from "../text/database-url.js";
import type { RateLimiter } from "./api/rate-limit.js";
import { createApp } from "./app.js";
import { type AutoRefreshTimer, startAutoRefreshTimer } from "./auto-refresh.js";
import { type CheckJobs, createCheckJobs } from "./check-jobs.js";
import { type CheckService, createCheckService } from "./check-service.js";
import { createClientLimits } from "./client-limits.js";
import { openQueuedChecks } from "./cluster/queued-checks.js";
import { openRedis } from "./cluster/redis-connection.js";
import type { ServerContext } from "./context.js";
import { createJobRunner } from "./job-runner.js";

export interface StartOptions {
  engine: Engine;
  port: number;
  host: string;
  version: string;
  now?: () => Date;
  /**
   * Counts the checks each client starts (default: in this process's memory, or in Redis with
   * the queue). Tests pass one limiter to several servers to show the budget is shared.
   */
  checkLimiter?: RateLimiter;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  context: ServerContext;
  /** The in-process scheduler of re-checks (FACTUALLY_AUTO_REFRESH=on without the Redis queue). */
  autoRefresh?: AutoRefreshTimer;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { engine } = options;
  const { config } = engine;
  const now = options.now ?? (() => new Date());
  const { checks, jobs } = await checkService(engine, options);
  // With the Redis queue, every server counts each client's checks, refreshes, ratings and
  // comments in Redis: one budget however many servers the client reaches.
  const queue = config.server.queue;
  const limitRedis = queue ? openRedis(queue.redisUrl) : undefined;
  const limits = createClientLimits(
    config.server,
    limitRedis && queue ? { redis: limitRedis, prefix: `${queue.prefix}:` } : { now },
    options.checkLimiter,
  );
  const context: ServerContext = {
    engine,
    config,
    checks,
    ...(jobs ? { jobs } : {}),
    now,
    limits,
    version: options.version,
  };
  // Scheduled re-checks in this process; with the Redis queue a worker runs the hourly tick.
  const autoRefresh =
    config.autoRefresh.enabled && !config.server.queue && !engine.readOnly
      ? startAutoRefreshTimer(engine, checks, now)
      : undefined;
  const app = createApp(context);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        serverOptions: connectionOptions(config.server),
      },
      () => resolve(s),
    );
    s.maxConnections = config.server.maxConnections;
    (s as { maxHeadersCount?: number | null }).maxHeadersCount = MAX_HEADERS_COUNT;
    s.once("error", reject);
  }).catch(async (error: unknown) => {
    // The worker threads would keep the process alive after a port that cannot be had.
    await checks.close();
    limitRedis?.disconnect();
    throw error;
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    context,
    ...(autoRefresh ? { autoRefresh } : {}),
    async close() {
      autoRefresh?.stop();
      await checks.close();
      limitRedis?.disconnect();
      await new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}

/** Request headers read; Node ignores the rest (browsers send about 20). */
export const MAX_HEADERS_COUNT = 100;
/** Largest request head (request line and headers), bytes: Node's default, stated. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * How long a client may take to send its headers and its whole request, and may stay idle
 * between requests. The request timeout ends when the request has arrived, so a long response
 * (an SSE stream) is not cut. Node looks for overdue requests every `connectionsCheckingInterval`
 * (30 s by default, which would stretch a 10 s limit to 40 s): a quarter of the headers limit,
 * at most 1 s, keeps the limits as stated.
 */
function connectionOptions(server: ServerConfig): ServerOptions {
  return {
    headersTimeout: server.headersTimeoutMs,
    requestTimeout: server.requestTimeoutMs,
    keepAliveTimeout: server.keepAliveTimeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    connectionsCheckingInterval: Math.max(25, Math.min(1000, server.headersTimeoutMs / 4)),
  };
}

/**
 * Where this server's checks run: on the Redis queue when one is configured (workers run them),
 * else in this process (worker threads, or this thread). An unreachable model is a start-up
 * error: checks on this thread load their stages now; elsewhere each worker loads its own, so
 * this thread only asks the model server.
 */
async function checkService(
  engine: Engine,
  options: StartOptions,
): Promise<{ checks: CheckService; jobs?: CheckJobs }> {
  const { config } = engine;
  if (config.server.queue) {
    if (!isPostgresUrl(config.db)) {
      throw new FactuallyError(
        "BAD_CONFIG",
        "FACTUALLY_REDIS_URL runs checks on worker processes, which need a database they can all reach: set FACTUALLY_DATABASE_URL to a PostgreSQL server (see `factually db copy` to move this SQLite file there), or unset FACTUALLY_REDIS_URL",
        { target: "FACTUALLY_REDIS_URL" },
      );
    }
    await engine.probeModel();
    const checks = await openQueuedChecks({
      engine,
      queue: config.server.queue,
      maxQueued: config.server.maxQueued,
      ...(options.now ? { now: options.now } : {}),
    });
    return { checks };
  }
  const jobs = createCheckJobs({
    maxRunning: config.server.maxRunning,
    maxQueued: config.server.maxQueued,
  });
  // Checks run on worker threads, each with its own engine over the same database, so the HTTP
  // loop stays free; the main thread's engine serves reads and runs jobs only without workers.
  const runner = await createJobRunner({ engine, ...(options.now ? { now: options.now } : {}) });
  await (runner.where === "main" ? engine.stages() : engine.probeModel()).catch(
    async (error: unknown) => {
      await runner.close();
      throw error;
    },
  );
  return {
    checks: createCheckService({
      engine,
      jobs,
      runner,
      ...(options.now ? { now: options.now } : {}),
    }),
    jobs,
  };
}
