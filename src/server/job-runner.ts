// Where the server's check jobs run: on worker threads (the default for a store in a file), so
// the HTTP loop stays free and SSE events leave as each stage happens, or on the main thread
// when the store is `:memory:` (another thread cannot open the same in-memory database) or
// workers are turned off (FACTUALLY_WORKERS=0).
import { availableParallelism } from "node:os";
import type { Engine } from "../assemble/engine.js";
import type { Config } from "../config/config.js";
import { isPostgresUrl } from "../text/database-url.js";
import { type CheckJobRequest, runCheckJob } from "./check-job.js";
import type { JobResult } from "./check-jobs.js";
import type { PooledJobOptions } from "./worker-pool.js";
import { checkWorkerFile, createCheckWorkerPool } from "./worker-pool.js";

export interface CheckJobRunner {
  /** `threads` when jobs run on worker threads, `main` when on the server's own thread. */
  readonly where: "threads" | "main";
  run(request: CheckJobRequest, options: Omit<PooledJobOptions, "at">): Promise<JobResult>;
  /** Worker threads running now (0 when jobs run on the main thread). */
  workers(): number;
  close(): Promise<void>;
}

export interface JobRunnerOptions {
  /** The server's engine: jobs that run on this thread use it; workers open their own. */
  engine: Engine;
  /** A test's clock; each job runs at the time it starts on this clock. */
  now?: () => Date;
}

/**
 * Worker threads for jobs: `FACTUALLY_WORKERS`, else one per core, at most `maxRunning`; one
 * with a GGUF model, as each worker loads its own copy of the model file into memory.
 */
export function workerCount(config: Config): number {
  if (config.server.workers !== undefined) return config.server.workers;
  if (config.llm?.provider === "gguf") return 1;
  return Math.min(availableParallelism(), config.server.maxRunning);
}

export async function createJobRunner(options: JobRunnerOptions): Promise<CheckJobRunner> {
  const { engine, now } = options;
  const { config } = engine;
  const size = workerCount(config);
  const workerFile = checkWorkerFile();
  if (engine.location !== ":memory:" && size > 0 && workerFile) {
    // Workers open the same stores: a server database by its full URL (`location` has no password).
    const dbPath = isPostgresUrl(config.db) ? config.db : engine.location;
    const pool = createCheckWorkerPool({ config, dbPath, size, workerFile });
    return {
      where: "threads",
      run: (request, job) => pool.run(request, { ...job, ...(now ? { at: now() } : {}) }),
      workers: () => pool.live(),
      close: () => pool.close(),
    };
  }
  return {
    where: "main",
    run: (request, job) => runCheckJob(engine, request, { ...job, ...(now ? { now } : {}) }),
    workers: () => 0,
    close: async () => {},
  };
}
