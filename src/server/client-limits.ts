// The per-client budgets the API and the pages share, one token bucket each, per client prefix
// (client-prefix.ts): starting checks, refreshing stored ones, rating, and comment bytes. In
// this process's memory, or in Redis when servers share a queue (so every server counts alike).
import type { ServerConfig } from "../config/server-config.js";
import { createRateLimiter, HOUR_MS, MINUTE_MS, type RateLimiter } from "./api/rate-limit.js";
import { createRedisRateLimiter } from "./cluster/redis-rate-limiter.js";
import type { RedisScripting } from "./cluster/redis-script.js";

export interface ClientLimits {
  /** Checks started (FACTUALLY_CHECKS_PER_MINUTE). */
  checks: RateLimiter;
  /** Refreshes started (FACTUALLY_REFRESHES_PER_MINUTE), apart from checks. */
  refreshes: RateLimiter;
  /** Ratings sent (FACTUALLY_RATINGS_PER_MINUTE). */
  ratings: RateLimiter;
  /** Comment bytes sent, one token a byte (FACTUALLY_COMMENT_BYTES_PER_HOUR). */
  commentBytes: RateLimiter;
}

/** Where the buckets are kept: this process, or a Redis every server reaches. */
export type LimitStore = { now: () => Date } | { redis: RedisScripting; prefix: string };

/** The four limits of `server`'s settings; `checks` may be given (tests share one). */
export function createClientLimits(
  server: ServerConfig,
  store: LimitStore,
  checks?: RateLimiter,
): ClientLimits {
  const bucket = (
    name: string,
    counts: string,
    limit: number,
    windowMs = MINUTE_MS,
  ): RateLimiter =>
    "redis" in store
      ? createRedisRateLimiter({
          redis: store.redis,
          prefix: store.prefix,
          name,
          counts,
          limit,
          windowMs,
        })
      : createRateLimiter({ limit, windowMs, now: store.now });
  return {
    checks:
      checks ?? bucket("check-limit", "the checks this client started", server.checksPerMinute),
    refreshes: bucket(
      "refresh-limit",
      "the refreshes this client started",
      server.refreshesPerMinute,
    ),
    ratings: bucket("rating-limit", "the ratings this client sent", server.ratingsPerMinute),
    commentBytes: bucket(
      "comment-limit",
      "the comment bytes this client sent",
      server.commentBytesPerHour,
      HOUR_MS,
    ),
  };
}
