// Starts the service: opens the store (ingesting the sample corpus into an empty one when
// asked), checks the configured model is reachable, starts the threads that run checks, and
// serves the API and the pages on one port.
import { serve } from "@hono/node-server";
import type { Config } from "../config/config.js";
import type { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { createRateLimiter } from "./api/rate-limit.js";
import { createApp } from "./app.js";
import { createCheckJobs } from "./check-jobs.js";
import { createCheckService } from "./check-service.js";
import type { ServerContext } from "./context.js";
import { createJobRunner } from "./job-runner.js";

export interface StartOptions {
  config: Config;
  store: SqliteStore;
  port: number;
  host: string;
  version: string;
  now?: () => Date;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  context: ServerContext;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, store } = options;
  const now = options.now ?? (() => new Date());
  const llm = config.llm;
  if (llm) {
    const { checkReachable } = await import("../llm/providers.js");
    await checkReachable(llm);
  }
  const jobs = createCheckJobs({
    maxRunning: config.server.maxRunning,
    maxQueued: config.server.maxQueued,
  });
  // Each worker thread loads its own model; this thread only when jobs run here.
  const runner = await createJobRunner({
    config,
    store,
    dbPath: store.location,
    ...(llm
      ? { loadModel: async () => (await import("../llm/providers.js")).modelHandleFor(llm) }
      : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const checks = createCheckService({ store, jobs, runner });
  const checkLimiter = createRateLimiter({ perMinute: config.server.checksPerMinute, now });
  const context: ServerContext = {
    store,
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
