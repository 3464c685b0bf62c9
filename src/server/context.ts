// Everything a request handler may use: the engine (its stores), the configuration, the check
// service and its jobs, and the clock. Built once by `startServer`, passed to the API and pages.
import type { Engine } from "../assemble/engine.js";
import type { Config } from "../config/config.js";
import type { CheckJobs } from "./check-jobs.js";
import type { CheckService } from "./check-service.js";
import type { ClientLimits } from "./client-limits.js";

export interface ServerContext {
  engine: Engine;
  /** The engine's configuration (frozen). */
  config: Readonly<Config>;
  checks: CheckService;
  /** The in-process queue; absent when checks go to the Redis queue (`factually worker`). */
  jobs?: CheckJobs;
  now: () => Date;
  /** What each client may start, rate and write, shared by the API and the forms. */
  limits: ClientLimits;
  /** The version string shown in /api/health and the pages' footer. */
  version: string;
}
