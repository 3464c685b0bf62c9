// Scheduled re-checks (issue 16): which stale checks to run again now, within a daily budget,
// and running them one after another on a single process (`factually refresh --stale`). A
// scheduler that queues refreshes instead calls `dueRefreshes` and enqueues what it returns.
import { FactuallyError, messageOf } from "../core/errors.js";
import type { CheckStore, StaleCheck } from "../core/interfaces/check-store.js";
import type { VerdictLabel } from "../core/schema/verdict.js";
import type { CheckControls, Engine } from "./engine.js";

const DAY_MS = 86_400_000;

export interface StalePick {
  /** Refreshes allowed now; nothing is picked at 0 or below. */
  budget: number;
  /** Only checks whose latest version is older than this (and than their own window). */
  minAgeDays: number;
  now: Date;
}

/** The stale checks to refresh now, most due first (see the store's `listStale` for the order). */
export async function pickStale(store: CheckStore, pick: StalePick): Promise<StaleCheck[]> {
  const limit = Math.floor(pick.budget);
  if (limit <= 0) return [];
  return store.listStale({ now: pick.now, minAgeDays: pick.minAgeDays, limit });
}

/**
 * Refreshes still allowed in the 24 hours before `now`: `perDay` less every version after a
 * check's first stored in that window. Counted from the store, not kept by the scheduler, so
 * it survives restarts and every process agrees; a refresh a reader asked for counts too,
 * since it costs the same searches and model calls the budget is there to bound.
 */
export async function remainingBudget(
  store: CheckStore,
  perDay: number,
  now: Date,
): Promise<number> {
  const done = await store.countRefreshes(new Date(now.getTime() - DAY_MS));
  return Math.max(0, perDay - done);
}

/** What a scheduler's repeatable job enqueues: the day's remaining budget of stale checks. */
export async function dueRefreshes(
  store: CheckStore,
  settings: { perDay: number; minAgeDays: number },
  now: Date,
): Promise<StaleCheck[]> {
  const budget = await remainingBudget(store, settings.perDay, now);
  return pickStale(store, { budget, minAgeDays: settings.minAgeDays, now });
}

/** How one stale check's refresh went. */
export type StaleOutcome =
  | { id: string; input: string; status: "ok"; n: number; from: VerdictLabel; to: VerdictLabel }
  | { id: string; input: string; status: "skipped" | "failed"; reason: string };

export interface StaleRefreshTally {
  /** Checks picked, in the order they were refreshed. */
  picked: number;
  refreshed: number;
  /** Refreshed checks whose verdict label differs from their previous version's. */
  changed: number;
  /** Already being run by someone else when their turn came. */
  skipped: number;
  failed: number;
  outcomes: StaleOutcome[];
  /** Stopped by the signal before every picked check was refreshed. */
  cancelled: boolean;
}

export interface StaleRefreshOptions {
  limit: number;
  minAgeDays: number;
  /** The clock ages are measured by and refreshes are dated with (default: the engine's). */
  now?: () => Date;
  signal?: AbortSignal;
  /** Each check's stage events, as `refresh <id>` shows them. */
  onEvent?: CheckControls["onEvent"];
  /** Told before each check starts (`index` from 0) and after it ends (with its outcome); awaited. */
  onProgress?: (progress: {
    index: number;
    total: number;
    check: StaleCheck;
    outcome?: StaleOutcome;
  }) => void | Promise<void>;
}

/** Picks up to `limit` stale checks and refreshes each in turn through the engine. */
export async function refreshStale(
  engine: Engine,
  options: StaleRefreshOptions,
): Promise<StaleRefreshTally> {
  if (engine.readOnly) {
    throw new FactuallyError(
      "STORE_READ_ONLY",
      `cannot refresh checks in ${engine.location}: it was opened read-only`,
      { target: engine.location, subject: "database" },
    );
  }
  const clock = options.now ?? (() => new Date());
  const picked = await pickStale(engine.checks, {
    budget: options.limit,
    minAgeDays: options.minAgeDays,
    now: clock(),
  });
  const tally: StaleRefreshTally = {
    picked: picked.length,
    refreshed: 0,
    changed: 0,
    skipped: 0,
    failed: 0,
    outcomes: [],
    cancelled: false,
  };
  for (const [index, stale] of picked.entries()) {
    if (options.signal?.aborted) {
      tally.cancelled = true;
      break;
    }
    await options.onProgress?.({ index, total: picked.length, check: stale });
    const outcome = await refreshOne(engine, stale, options, clock);
    tally.outcomes.push(outcome);
    if (outcome.status === "ok") {
      tally.refreshed += 1;
      if (outcome.from !== outcome.to) tally.changed += 1;
    } else tally[outcome.status] += 1;
    await options.onProgress?.({ index, total: picked.length, check: stale, outcome });
  }
  if (options.signal?.aborted) tally.cancelled = true;
  return tally;
}

async function refreshOne(
  engine: Engine,
  stale: StaleCheck,
  options: StaleRefreshOptions,
  clock: () => Date,
): Promise<StaleOutcome> {
  const { id, input } = stale.check;
  try {
    const { version, previous } = await engine.refresh(
      { id },
      {
        now: clock,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      },
    );
    return {
      id,
      input,
      status: "ok",
      n: version.n,
      from: previous.verdict.label,
      to: version.verdict.label,
    };
  } catch (error) {
    // Someone started this check after it was picked: theirs is the refresh.
    const running = FactuallyError.isInstance(error) && error.code === "CONFLICT";
    return { id, input, status: running ? "skipped" : "failed", reason: messageOf(error) };
  }
}
