// Keeps one provider instance under its rate limit: request starts are spaced a minimum interval
// apart, in the order they asked.
import { sleep } from "../../web/backoff.js";

/** Resolves when the caller may start its request; rejects with the signal's reason on abort. */
export type RequestPacer = (signal?: AbortSignal) => Promise<void>;

/**
 * A pacer that starts requests at least `minIntervalMs` apart (0: no pacing). Slots are taken
 * when asked, so waiting callers go in order; a caller that aborts while waiting keeps its slot,
 * which only delays the next one by the interval it would have waited anyway.
 */
export function createRequestPacer(
  minIntervalMs: number,
  now: () => number = Date.now,
): RequestPacer {
  let nextStart = 0;
  return async (signal) => {
    signal?.throwIfAborted();
    if (minIntervalMs <= 0) return;
    const time = now();
    const start = Math.max(time, nextStart);
    nextStart = start + minIntervalMs;
    if (start > time) await sleep(start - time, signal);
  };
}
