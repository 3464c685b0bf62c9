// When to try a failed model call again: exponential backoff with jitter, or what the server
// asked for in Retry-After.

/** Longest wait between attempts; a server asking for more is given up on (the stage falls back). */
export const MAX_RETRY_WAIT_MS = 30_000;

const BASE_MS = 500;

/**
 * Milliseconds to wait before retry number `attempt` (0-based), or undefined when the server's
 * Retry-After is longer than we are willing to wait.
 */
export function retryDelayMs(
  attempt: number,
  headers: Readonly<Record<string, string>> | undefined,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  const asked = retryAfterMs(headers, now);
  if (asked !== undefined) return asked > MAX_RETRY_WAIT_MS ? undefined : asked;
  // "Equal jitter": half fixed, half random, so parallel callers do not retry in step.
  const exp = Math.min(MAX_RETRY_WAIT_MS, BASE_MS * 2 ** attempt);
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After (seconds or an HTTP date) or retry-after-ms, in milliseconds from `now`. */
export function retryAfterMs(
  headers: Readonly<Record<string, string>> | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower["retry-after-ms"]);
  if (lower["retry-after-ms"] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = lower["retry-after"]?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Whether an HTTP status is worth retrying: rate limits, overload and server errors. */
export function isRetryableStatus(status: number | undefined): boolean {
  return (
    status === 408 || status === 409 || status === 429 || (status !== undefined && status >= 500)
  );
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
