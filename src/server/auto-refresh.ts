// Scheduled re-checks (FACTUALLY_AUTO_REFRESH=on): once an hour, the stale checks most due
// (oldest first, then most viewed; see store/stale-checks.ts) are refreshed, a twenty-fourth of
// the daily budget at a time so a day's refreshes spread over the day, and never more than the
// budget left of the last 24 hours (counted from the store, so restarts and other processes
// agree). In one process the server's own timer starts them through its check service; with
// the Redis queue a BullMQ job scheduler ticks once an hour for the whole deployment and a
// worker queues them (cluster/queue-worker.ts).
import type { Engine } from "../assemble/engine.js";
import { dueRefreshes } from "../assemble/stale-refresh.js";
import { messageOf } from "../core/errors.js";
import type { CheckService } from "./check-service.js";

export const AUTO_REFRESH_EVERY_MS = 60 * 60 * 1000;
/** The first tick of a server's own timer, after start-up has settled. */
const FIRST_TICK_MS = 60 * 1000;

/** The ids of the checks to refresh at this tick, most due first. */
export async function refreshesThisTick(engine: Engine, now: Date): Promise<string[]> {
  const { perDay, minAgeDays } = engine.config.autoRefresh;
  const due = await dueRefreshes(engine.checks, { perDay, minAgeDays }, now);
  return due.slice(0, Math.ceil(perDay / 24)).map((stale) => stale.check.id);
}

export interface AutoRefreshTimer {
  /** Runs one tick now; resolves with the checks it started. */
  tick(): Promise<string[]>;
  stop(): void;
}

/**
 * The in-process scheduler: each tick starts its refreshes through `checks` (bounded by the
 * server's queue like any other run; one already running is joined, not repeated).
 */
export function startAutoRefreshTimer(
  engine: Engine,
  checks: CheckService,
  now: () => Date,
  log: (line: string) => void = (line) => console.error(line),
): AutoRefreshTimer {
  const tick = async (): Promise<string[]> => {
    const ids = await refreshesThisTick(engine, now());
    for (const id of ids) {
      const started = await checks.startRefresh(id);
      started.job.done.catch((error: unknown) => {
        log(`factually: scheduled refresh of ${id} failed: ${messageOf(error)}`);
      });
    }
    if (ids.length > 0) log(`factually: scheduled refresh of ${ids.length} stale check(s)`);
    return ids;
  };
  const safeTick = () =>
    void tick().catch((error: unknown) => {
      log(`factually: scheduled refreshes skipped this hour: ${messageOf(error)}`);
    });
  const first = setTimeout(safeTick, FIRST_TICK_MS);
  const every = setInterval(safeTick, AUTO_REFRESH_EVERY_MS);
  first.unref();
  every.unref();
  return {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
