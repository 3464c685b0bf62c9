// Everything a request handler may use: the engine (its stores), the configuration, the check
// service and its jobs, and the clock. Built once by `startServer`, passed to the API and pages.
import type { Engine } from "../assemble/engine.js";
import type { Config } from "../config/config.js";
import type { RateLimiter } from "./api/rate-limit.js";
import type { CheckJobs } from "./check-jobs.js";
import type { CheckService } from "./check-service.js";

export interface ServerContext {
  engine: Engine;
  /** The engine's configuration (frozen). */
  config: Readonly<Config>;
  checks: CheckService;
  /** The in-process queue; absent when checks go to the Redis queue (`factually worker`). */
  jobs?: CheckJobs;
  now: () => Date;
  /** Checks (and refreshes) each client may start per minute, shared by the API and the forms. */
  checkLimiter: RateLimiter;
  /** The version string shown in /api/health and the pages' footer. */
  version: string;
}
