// One fetch's abort signal, fired by the caller, the time cap or close(), remembering which.
import type { FetchSignals } from "./fetch-errors.js";

/** A running deadline: `signal` to pass down, `signals` to classify an abort, `dispose` when done. */
export interface Deadline {
  signal: AbortSignal;
  signals: FetchSignals;
  dispose(): void;
}

/**
 * Starts the clock on one fetch. Listeners are removed on dispose (rather than using
 * AbortSignal.any), so a long-lived `closed` signal does not collect one entry per fetch.
 */
export function startDeadline(
  caller: AbortSignal | undefined,
  closed: AbortSignal,
  timeoutMs: number,
): Deadline {
  const combined = new AbortController();
  const timeout = new AbortController();
  const abort = () => combined.abort();
  const timer = setTimeout(() => {
    timeout.abort();
    abort();
  }, timeoutMs);
  caller?.addEventListener("abort", abort, { once: true });
  closed.addEventListener("abort", abort, { once: true });
  if (caller?.aborted === true || closed.aborted) abort();
  return {
    signal: combined.signal,
    signals: { caller, timeout: timeout.signal, closed, timeoutMs },
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", abort);
      closed.removeEventListener("abort", abort);
    },
  };
}
