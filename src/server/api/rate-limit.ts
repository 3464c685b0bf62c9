// How many checks one client may start: a token bucket per client address holding
// `perMinute` tokens, refilled evenly over a minute, so a burst up to the limit is allowed and
// then one request every 60/perMinute seconds. In memory by default; kept in Redis
// (`cluster/redis-rate-limiter.ts`) when several processes must share one budget.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { isFactuallyError } from "../../core/errors.js";
import { apiError, errorResponse } from "./api-errors.js";

/** Allowed, or refused with the seconds until the client may try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /**
   * Takes one request for `client`. Rejects with FactuallyError UNAVAILABLE when the limit is
   * kept elsewhere (Redis) and cannot be reached.
   */
  take(client: string): Promise<RateDecision>;
}

export const MINUTE_MS = 60_000;
/** Buckets kept before full ones (clients idle for a minute or more) are forgotten. */
const PRUNE_AT = 10_000;

/** Seconds until a bucket holding `tokens` has a whole one, for Retry-After (at least 1). */
export function retryAfterSeconds(tokens: number, msPerToken: number): number {
  // Whole milliseconds first, so float dust (1000.0000001 ms) does not add a second.
  return Math.max(1, Math.ceil(Math.round((1 - tokens) * msPerToken) / 1000));
}

/** A limiter of `perMinute` requests per client, in this process's memory, on the given clock. */
export function createRateLimiter(options: { perMinute: number; now: () => Date }): RateLimiter {
  const { perMinute } = options;
  const msPerToken = MINUTE_MS / perMinute;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refilled = (bucket: { tokens: number; at: number }, at: number) =>
    Math.min(perMinute, bucket.tokens + Math.max(0, at - bucket.at) / msPerToken);

  return {
    async take(client) {
      const at = options.now().getTime();
      if (buckets.size >= PRUNE_AT) {
        for (const [key, bucket] of buckets)
          if (refilled(bucket, at) >= perMinute) buckets.delete(key);
      }
      const bucket = buckets.get(client);
      const tokens = bucket ? refilled(bucket, at) : perMinute;
      if (tokens >= 1) {
        buckets.set(client, { tokens: tokens - 1, at });
        return { allowed: true };
      }
      buckets.set(client, { tokens, at });
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(tokens, msPerToken) };
    },
  };
}

/**
 * A gate for requests that start checks: undefined when the client may go on, else the 429
 * answer with Retry-After, or a 503 when a shared limit cannot be reached. Handlers call it
 * after validating, so a malformed request does not use up the client's checks.
 */
export function admitClient(
  limiter: RateLimiter,
  perMinute: number,
): (c: Context) => Promise<Response | undefined> {
  return async (c) => {
    let taken: RateDecision;
    try {
      taken = await limiter.take(clientAddress(c));
    } catch (error) {
      // Refused rather than let through: a limit nobody can count is no limit (and the queue
      // a check would join lives in the same Redis).
      if (isFactuallyError(error)) return errorResponse(c, error);
      throw error;
    }
    if (taken.allowed) return undefined;
    return apiError(
      c,
      "TOO_MANY",
      `this client may start ${perMinute} check${perMinute === 1 ? "" : "s"} a minute; try again in ${taken.retryAfterSeconds} s`,
      { "Retry-After": String(taken.retryAfterSeconds) },
    );
  };
}

/**
 * The address of the connected peer. X-Forwarded-For is ignored on purpose: any client can
 * write it, so trusting it would let one client pose as many.
 */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Not served by @hono/node-server (e.g. app.request in a unit test): one shared bucket.
    return "unknown";
  }
}
