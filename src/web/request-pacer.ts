// Request pacing within one process: starts spaced a minimum interval apart, in the order they
// asked, one pace per quota key, so two provider instances spending one API key share it.
import type { PacerFactory, RequestPacer } from "../core/interfaces/request-pacer.js";
import { sleep } from "./backoff.js";

/** The next free start of one quota, in the clock's milliseconds. */
interface Pace {
  nextStart: number;
}

/**
 * A pacer that starts requests at least `minIntervalMs` apart (0: no pacing). Slots are taken
 * when asked, so waiting callers go in order; a caller that aborts while waiting keeps its slot,
 * which only delays the next one by the interval it would have waited anyway.
 */
export function createRequestPacer(
  minIntervalMs: number,
  now: () => number = Date.now,
  pace: Pace = { nextStart: 0 },
): RequestPacer {
  return async (signal) => {
    signal?.throwIfAborted();
    if (minIntervalMs <= 0) return;
    const time = now();
    const start = Math.max(time, pace.nextStart);
    pace.nextStart = start + minIntervalMs;
    if (start > time) await sleep(start - time, signal);
  };
}

/** A factory of in-process pacers: one pace per key, kept for the factory's life. */
export function createProcessPacers(now: () => number = Date.now): PacerFactory {
  const paces = new Map<string, Pace>();
  return (key, minIntervalMs) => {
    let pace = paces.get(key);
    if (!pace) {
      pace = { nextStart: 0 };
      paces.set(key, pace);
    }
    return createRequestPacer(minIntervalMs, now, pace);
  };
}

let shared: PacerFactory | undefined;

/**
 * The process's own pacers, used when the caller gives none: engines opened in one process (one
 * thread) share a key's pace. Each worker thread has its own; only Redis pacers span them.
 */
export function processPacers(): PacerFactory {
  shared ??= createProcessPacers();
  return shared;
}
