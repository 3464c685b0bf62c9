// How many checks one client may start: a token bucket per client address holding
// `perMinute` tokens, refilled evenly over a minute, so a burst up to the limit is allowed and
// then one request every 60/perMinute seconds.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { apiError } from "./api-errors.js";

export interface RateLimiter {
  /** Takes one request for `client`: allowed, or refused with the seconds until one is. */
  take(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

const MINUTE_MS = 60_000;
/** Buckets kept before full ones (clients idle for a minute or more) are forgotten. */
const PRUNE_AT = 10_000;

/** A limiter of `perMinute` requests per client, on the given clock. */
export function createRateLimiter(options: { perMinute: number; now: () => Date }): RateLimiter {
  const { perMinute } = options;
  const msPerToken = MINUTE_MS / perMinute;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refilled = (bucket: { tokens: number; at: number }, at: number) =>
    Math.min(perMinute, bucket.tokens + Math.max(0, at - bucket.at) / msPerToken);

  return {
    take(client) {
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
      return {
        allowed: false,
        // Whole milliseconds first, so float dust (1000.0000001 ms) does not add a second.
        retryAfterSeconds: Math.max(1, Math.ceil(Math.round((1 - tokens) * msPerToken) / 1000)),
      };
    },
  };
}

/**
 * A gate for requests that start checks: undefined when the client may go on, else the 429
 * answer with Retry-After. Handlers call it after validating, so a malformed request does not
 * use up the client's checks.
 */
export function admitClient(
  limiter: RateLimiter,
  perMinute: number,
): (c: Context) => Response | undefined {
  return (c) => {
    const taken = limiter.take(clientAddress(c));
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
