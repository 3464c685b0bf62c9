// Request pacing kept in Redis, so every process spending one API key keeps to its rate: a Lua
// script reserves the quota's next start atomically on Redis's clock (machines with skewed
// clocks agree), then the caller waits for it here, abortably.
import type { PacerFactory } from "../../core/interfaces/request-pacer.js";
import { waitOrAbort } from "../abortable-wait.js";
import { type RedisScripting, redisScript } from "./redis-script.js";

// KEYS[1]: the quota's next free start, in Redis milliseconds. ARGV[1]: the interval in ms.
// start = max(now, next); next = start + interval; the key expires when that time has passed.
// Returns { ms to wait, the start as a string }.
const RESERVE = `
local interval = tonumber(ARGV[1])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local nextStart = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, nextStart)
redis.call('SET', KEYS[1], tostring(start + interval), 'PX', start + interval - now)
return { start - now, tostring(start) }
`;

export interface RedisPacersOptions {
  /** A connection (ioredis `Redis`); the caller opens and closes it. */
  redis: RedisScripting;
  /**
   * Put before every key, so deployments and tests can share one Redis (default "factually:").
   * Keys are `<prefix>pace:<quota key>`, e.g. `factually:pace:llm:openai:3f2a…`.
   */
  prefix?: string;
  /** How long a reservation may wait for Redis before the request fails UNAVAILABLE (default 2 000). */
  timeoutMs?: number;
}

/** A slot reserved for one request: when it starts, on Redis's clock, and how long to wait. */
export interface PaceSlot {
  /** Milliseconds since the epoch, by Redis's clock. */
  startMs: number;
  waitMs: number;
}

/** Reserves the next start of the quota `key`, `minIntervalMs` after the one before. */
export type SlotReserver = (key: string, minIntervalMs: number) => Promise<PaceSlot>;

/** The reservation alone, for callers (and tests) that want to see the slots Redis hands out. */
export function redisSlotReserver(options: RedisPacersOptions): SlotReserver {
  const prefix = options.prefix ?? "factually:";
  const reserve = redisScript(options.redis, RESERVE, {
    what: "pace requests to a rate-limited service",
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return async (key, minIntervalMs) => {
    const [waitMs, start] = (await reserve.run(
      [`${prefix}pace:${key}`],
      // Whole milliseconds: Redis expiry times are integers.
      [Math.ceil(minIntervalMs)],
    )) as [number, string];
    return { waitMs, startMs: Number(start) };
  };
}

/**
 * Pacers whose slots live in Redis: every process using the same prefix shares a key's pace. A
 * caller that aborts while waiting keeps its slot, as in-process pacers do.
 */
export function createRedisPacers(options: RedisPacersOptions): PacerFactory {
  const reserve = redisSlotReserver(options);
  return (key, minIntervalMs) => async (signal) => {
    signal?.throwIfAborted();
    if (minIntervalMs <= 0) return;
    const { waitMs } = await reserve(key, minIntervalMs);
    signal?.throwIfAborted();
    if (waitMs > 0) await waitOrAbort(waitMs, signal);
  };
}
