// The per-client check limit kept in Redis, so every server process counts against one budget:
// the same token bucket as the in-memory limiter, taken atomically by a Lua script on Redis's
// own clock (servers with skewed clocks agree), its key expiring once the bucket is full again.
import { MINUTE_MS, type RateLimiter, retryAfterSeconds } from "../api/rate-limit.js";
import { type RedisScripting, redisScript } from "./redis-script.js";

// KEYS[1]: the client's bucket (a hash of tokens and the time they were counted, in ms).
// ARGV[1]: requests per minute. Returns { 1 | 0 (allowed), tokens left as a string }.
const TAKE = `
local perMinute = tonumber(ARGV[1])
local msPerToken = 60000 / perMinute
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = perMinute
if bucket[1] then
  tokens = math.min(perMinute, tonumber(bucket[1]) + math.max(0, now - tonumber(bucket[2])) / msPerToken)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((perMinute - tokens) * msPerToken)))
return { allowed, tostring(tokens) }
`;

export interface RedisRateLimiterOptions {
  /** A connection (ioredis `Redis`); the caller opens and closes it. */
  redis: RedisScripting;
  /** Requests each client may start per minute (FACTUALLY_CHECKS_PER_MINUTE). */
  perMinute: number;
  /**
   * Put before every key, so deployments and tests can share one Redis (default "factually:").
   * Keys are `<prefix>check-limit:<client address>`, apart from a BullMQ queue's `<prefix>checks:…`.
   */
  prefix?: string;
  /** How long one take may wait for Redis before it fails UNAVAILABLE (default 2 000). */
  timeoutMs?: number;
}

/** A limiter whose buckets live in Redis: every process using the same prefix shares them. */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { perMinute } = options;
  const prefix = options.prefix ?? "factually:";
  const msPerToken = MINUTE_MS / perMinute;
  const take = redisScript(options.redis, TAKE, {
    what: "count the checks this client started",
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    async take(client) {
      const [allowed, tokens] = (await take.run(
        [`${prefix}check-limit:${client}`],
        [perMinute],
      )) as [number, string];
      if (allowed === 1) return { allowed: true };
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(Number(tokens), msPerToken) };
    },
  };
}
