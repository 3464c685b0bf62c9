// The rules both stores apply when listing checks due for a refresh, stated once: what "stale"
// means, the order they come in, and that a check being run right now is left out.
import type { StaleCheck } from "../core/interfaces/check-store.js";
import { type ProcessProbe, type RunHolder, runIsHeld } from "./run-lease.js";

export const DAY_MS = 86_400_000;

/**
 * The order, as both stores' SQL spells it: whole days since the latest version, most first;
 * then views, most first; then the older version; then the id (so the order is total).
 *
 * Why a day bucket and not a score: the issue asks for "oldest and most-viewed first". Sorting
 * by exact age would make views matter only for exact ties, and a weighted score needs a
 * weight nobody can defend. A day is the unit the minimum age and the freshness windows are
 * set in, so checks that went stale the same day are equally due, and among them readers'
 * interest decides; a check a day older still goes first.
 */
export const STALE_ORDER = "age_days DESC, views DESC, checked_at ASC, id ASC";

/** The keys under which a store keeps when `factually history` last listed it, and before. */
export const HISTORY_LOOK_KEYS = {
  latest: "history-looked-at",
  previous: "history-looked-at-before",
} as const;

/** A candidate row with the run lock of its check, when there is one. */
export interface StaleCandidate {
  stale: StaleCheck;
  run?: RunHolder;
}

/** A stale check's row's run lock columns, null when the check has no run. */
export interface RunColumns {
  owner_pid: number | null;
  owner_host: string | null;
  heartbeat_at: string | null;
}

/** A candidate from its stale check and its row's run lock columns. */
export function staleCandidate(stale: StaleCheck, row: RunColumns): StaleCandidate {
  if (row.owner_pid === null || row.owner_host === null || row.heartbeat_at === null) {
    return { stale };
  }
  return {
    stale,
    run: { owner_pid: row.owner_pid, owner_host: row.owner_host, heartbeat_at: row.heartbeat_at },
  };
}

/**
 * The first `limit` candidates whose run lock is not held. Stores fetch `limit` plus the number
 * of run locks, so leaving out the running ones still fills the page.
 */
export function notRunning(
  candidates: readonly StaleCandidate[],
  limit: number,
  now: Date,
  isAlive: ProcessProbe,
): StaleCheck[] {
  return candidates
    .filter(({ run }) => run === undefined || !runIsHeld(run, now, isAlive))
    .slice(0, limit)
    .map(({ stale }) => stale);
}
