// A per-client limit kept in Redis, so every server process counts against one budget: the
// same token bucket as the in-memory limiter, taken (or given back) atomically by a Lua script
// on Redis's own clock (servers with skewed clocks agree), its key expiring once the bucket is
// full again.
import {
  type BucketSize,
  bucketCost,
  MINUTE_MS,
  type RateLimiter,
  retryAfterSeconds,
} from "../api/rate-limit.js";
import { type RedisScripting, redisScript } from "./redis-script.js";

// KEYS[1]: the client's bucket (a hash of tokens and the time they were counted, in ms).
// ARGV: limit, window (ms), cost, and 1 to take or 0 to give back. Returns { 1 | 0 (allowed),
// tokens left as a string }.
const TAKE = `
local limit = tonumber(ARGV[1])
local msPerToken = tonumber(ARGV[2]) / limit
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = limit
if bucket[1] then
  tokens = math.min(limit, tonumber(bucket[1]) + math.max(0, now - tonumber(bucket[2])) / msPerToken)
end
local allowed = 0
if ARGV[4] == '0' then
  tokens = math.min(limit, tokens + cost)
elseif tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((limit - tokens) * msPerToken)))
return { allowed, tostring(tokens) }
`;

export interface RedisRateLimiterOptions extends Partial<BucketSize> {
  /** A connection (ioredis `Redis`); the caller opens and closes it. */
  redis: RedisScripting;
  /** Checks each client may start per minute (FACTUALLY_CHECKS_PER_MINUTE); or give `limit`. */
  perMinute?: number;
  /** The keys' name for what is counted (default "check-limit"). */
  name?: string;
  /** What is counted, for error messages (default "the checks this client started"). */
  counts?: string;
  /**
   * Put before every key, so deployments and tests can share one Redis (default "factually:").
   * Keys are `<prefix><name>:<client>`, apart from a BullMQ queue's `<prefix>checks:…`.
   */
  prefix?: string;
  /** How long one take may wait for Redis before it fails UNAVAILABLE (default 2 000). */
  timeoutMs?: number;
}

/** A limiter whose buckets live in Redis: every process using the same prefix shares them. */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const limit = options.limit ?? options.perMinute ?? 1;
  const windowMs = options.windowMs ?? MINUTE_MS;
  const name = options.name ?? "check-limit";
  const prefix = options.prefix ?? "factually:";
  const msPerToken = windowMs / limit;
  const script = redisScript(options.redis, TAKE, {
    what: `count ${options.counts ?? "the checks this client started"}`,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const run = async (client: string, cost: number, take: boolean) =>
    (await script.run([`${prefix}${name}:${client}`], [limit, windowMs, cost, take ? 1 : 0])) as [
      number,
      string,
    ];
  return {
    async take(client, cost) {
      const need = bucketCost(cost, limit);
      const [allowed, tokens] = await run(client, need, true);
      if (allowed === 1) return { allowed: true };
      return {
        allowed: false,
        retryAfterSeconds: retryAfterSeconds(Number(tokens), msPerToken, need),
      };
    },
    async giveBack(client, cost) {
      await run(client, bucketCost(cost, limit), false);
    },
  };
}
