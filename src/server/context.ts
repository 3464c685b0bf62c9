// Everything a request handler may use: the store, the configuration, the check service and
// its jobs, and the clock. Built once by `startServer`, passed to the API and the pages.
import type { Config } from "../config/config.js";
import type { Store } from "../core/interfaces/store.js";
import type { RateLimiter } from "./api/rate-limit.js";
import type { CheckJobs } from "./check-jobs.js";
import type { CheckService } from "./check-service.js";

export interface ServerContext {
  store: Store;
  config: Config;
  checks: CheckService;
  jobs: CheckJobs;
  now: () => Date;
  /** Checks (and refreshes) each client may start per minute, shared by the API and the forms. */
  checkLimiter: RateLimiter;
  /** The version string shown in /api/health and the pages' footer. */
  version: string;
}
