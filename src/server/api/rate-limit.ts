// How often one client may do something costly (start a check, refresh one, rate one, write
// comment bytes): a token bucket per client (see client-prefix.ts) holding `limit` tokens,
// refilled evenly over `windowMs`, so a burst up to the limit is allowed and then one token every
// windowMs/limit. In memory by default; kept in Redis (`cluster/redis-rate-limiter.ts`) when
// several processes must share one budget.
import type { Context } from "hono";
import { isFactuallyError } from "../../core/errors.js";
import { clientOf } from "../client-prefix.js";
import { apiError, errorResponse } from "./api-errors.js";

/** Allowed, or refused with the seconds until the client may try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /**
   * Takes `cost` tokens (default 1; more than the whole bucket counts as the whole bucket) for
   * `client`. Rejects with FactuallyError UNAVAILABLE when the limit is kept elsewhere (Redis)
   * and cannot be reached.
   */
  take(client: string, cost?: number): Promise<RateDecision>;
  /** Returns tokens taken for work that was then refused elsewhere (e.g. a full queue). */
  giveBack(client: string, cost?: number): Promise<void>;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** Buckets kept before full ones (clients idle for a whole window) are forgotten. */
const PRUNE_AT = 10_000;

/** A bucket's size: `limit` tokens, refilled in full over `windowMs` (default a minute). */
export interface BucketSize {
  limit: number;
  windowMs?: number;
}

/**
 * Seconds until a bucket holding `tokens` has `cost` of them, for Retry-After (at least 1).
 */
export function retryAfterSeconds(tokens: number, msPerToken: number, cost = 1): number {
  // Whole milliseconds first, so float dust (1000.0000001 ms) does not add a second.
  return Math.max(1, Math.ceil(Math.round((cost - tokens) * msPerToken) / 1000));
}

/** A cost as the bucket counts it: a whole number from 1 up to the bucket's limit. */
export function bucketCost(cost: number | undefined, limit: number): number {
  return Math.min(limit, Math.max(1, Math.ceil(cost ?? 1)));
}

/** A limiter of `limit` tokens per window per client, in this process's memory, on the given clock. */
export function createRateLimiter(options: BucketSize & { now: () => Date }): RateLimiter {
  const { limit } = options;
  const msPerToken = (options.windowMs ?? MINUTE_MS) / limit;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refilled = (bucket: { tokens: number; at: number }, at: number) =>
    Math.min(limit, bucket.tokens + Math.max(0, at - bucket.at) / msPerToken);
  const tokensOf = (client: string, at: number) => {
    const bucket = buckets.get(client);
    return bucket ? refilled(bucket, at) : limit;
  };

  return {
    async take(client, cost) {
      const need = bucketCost(cost, limit);
      const at = options.now().getTime();
      if (buckets.size >= PRUNE_AT) {
        for (const [key, bucket] of buckets) if (refilled(bucket, at) >= limit) buckets.delete(key);
      }
      const tokens = tokensOf(client, at);
      if (tokens >= need) {
        buckets.set(client, { tokens: tokens - need, at });
        return { allowed: true };
      }
      buckets.set(client, { tokens, at });
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(tokens, msPerToken, need) };
    },
    async giveBack(client, cost) {
      const at = options.now().getTime();
      const tokens = Math.min(limit, tokensOf(client, at) + bucketCost(cost, limit));
      buckets.set(client, { tokens, at });
    },
  };
}

export const CHECKS = ["check", "checks"] as const;
export const REFRESHES = ["refresh", "refreshes"] as const;
export const RATINGS = ["rating", "ratings"] as const;
export const BYTES = ["byte", "bytes"] as const;

/** A budget for messages: "10 checks a minute", "1 refresh a minute", "20000 bytes an hour". */
export function allowance(
  limit: number,
  [one, many]: readonly [string, string],
  per: "minute" | "hour" = "minute",
): string {
  return `${limit} ${limit === 1 ? one : many} ${per === "hour" ? "an hour" : "a minute"}`;
}

/** A per-client limit as the API applies it. */
export interface ClientGate {
  /**
   * Takes `cost` tokens for the request's client: undefined when it may go on, else the 429
   * answer with Retry-After, or a 503 when a shared limit cannot be reached. Handlers call it
   * after validating, so a malformed request does not use up the client's budget.
   */
  admit(c: Context, cost?: number): Promise<Response | undefined>;
  /** The limiter behind the gate (to give a token back, see refundIfRefused). */
  limiter: RateLimiter;
}

/** The gate of `limiter`; `allowed` says what a client may do ("start 10 checks a minute"). */
export function admitClient(limiter: RateLimiter, allowed: string): ClientGate {
  return {
    async admit(c, cost) {
      let taken: RateDecision;
      try {
        taken = await limiter.take(clientOf(c), cost);
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
        `this client may ${allowed}; try again in ${taken.retryAfterSeconds} s`,
        { "Retry-After": String(taken.retryAfterSeconds) },
      );
    },
    limiter,
  };
}

/**
 * Runs `start` (work that took `client`'s token first); when the work is refused with TOO_MANY —
 * the check queue is full — the token is given back, so a busy server does not use up the
 * budget of a client who got nothing for it.
 */
export async function refundIfRefused<T>(
  limiter: RateLimiter,
  client: string,
  start: () => Promise<T>,
): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (isFactuallyError(error) && error.code === "TOO_MANY") {
      // Best effort: a limit store that cannot be reached keeps the token (the client waits
      // a little longer), and the refusal the client is owed is answered either way.
      await limiter.giveBack(client).catch(() => {});
    }
    throw error;
  }
}
