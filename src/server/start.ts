// Starts the service over an open engine: the check workers are started, the configured model is
// probed (so an unreachable one is a start-up error), then the API and the pages are served on
// one port.
import { serve } from "@hono/node-server";
import type { Engine } from "../assemble/engine.js";
import { createRateLimiter, type RateLimiter } from "./api/rate-limit.js";
import { createApp } from "./app.js";
import { createCheckJobs } from "./check-jobs.js";
import { createCheckService } from "./check-service.js";
import type { ServerContext } from "./context.js";
import { createJobRunner } from "./job-runner.js";

export interface StartOptions {
  engine: Engine;
  port: number;
  host: string;
  version: string;
  now?: () => Date;
  /**
   * Counts the checks each client starts (default: in this process's memory). Servers sharing
   * one Redis pass `createRedisRateLimiter`, so the limit holds across all of them.
   */
  checkLimiter?: RateLimiter;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  context: ServerContext;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { engine } = options;
  const { config } = engine;
  const now = options.now ?? (() => new Date());
  const jobs = createCheckJobs({
    maxRunning: config.server.maxRunning,
    maxQueued: config.server.maxQueued,
  });
  // Checks run on worker threads, each with its own engine over the same database, so the HTTP
  // loop stays free; the main thread's engine serves reads and runs jobs only without workers.
  const runner = await createJobRunner({ engine, ...(options.now ? { now: options.now } : {}) });
  // An unreachable model is a start-up error. Checks on this thread load their stages now; on
  // worker threads each worker loads its own, so this thread only asks the model server.
  await (runner.where === "main" ? engine.stages() : engine.probeModel()).catch(
    async (error: unknown) => {
      await runner.close();
      throw error;
    },
  );
  const checks = createCheckService({ engine, jobs, runner });
  const checkLimiter =
    options.checkLimiter ?? createRateLimiter({ perMinute: config.server.checksPerMinute, now });
  const context: ServerContext = {
    engine,
    config,
    checks,
    jobs,
    now,
    checkLimiter,
    version: options.version,
  };
  const app = createApp(context);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolve(s),
    );
    s.once("error", reject);
  }).catch(async (error: unknown) => {
    // The worker threads would keep the process alive after a port that cannot be had.
    await checks.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    context,
    async close() {
      await checks.close();
      await new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
