// Connections to the Redis server behind the queue (FACTUALLY_REDIS_URL), and Redis failures as
// UNAVAILABLE errors that say which server and what to do, never with the URL's password.
import { Redis } from "ioredis";
import { FactuallyError, messageOf } from "../../core/errors.js";

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "";
    return parsed.toString();
  } catch {
    return "the Redis URL";
  }
}

export interface RedisOptions {
  /**
   * BullMQ's workers and blocking readers need `null` (wait for Redis however long it is away);
   * a server's commands give up after a few reconnects so a request fails rather than hangs.
   */
  maxRetriesPerRequest?: number | null;
  /** The connection's name in CLIENT LIST (BullMQ counts workers by theirs). */
  name?: string;
}

/** A connection to `url`, reconnecting with a capped backoff; errors are logged once per outage. */
export function openRedis(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest:
      options.maxRetriesPerRequest === undefined ? 3 : options.maxRetriesPerRequest,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...(options.name ? { connectionName: options.name } : {}),
  });
  let down = false;
  redis.on("error", (error) => {
    if (down) return;
    down = true;
    console.error(`factually: Redis ${redactRedisUrl(url)}: ${messageOf(error)}; reconnecting`);
  });
  redis.on("ready", () => {
    down = false;
  });
  return redis;
}

/** Waits until `redis` answers PING, or fails with UNAVAILABLE after `timeoutMs`. */
export async function requireRedis(redis: Redis, url: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    throw queueFault(error, url);
  } finally {
    clearTimeout(timer);
  }
}

/** A Redis failure as UNAVAILABLE (retryable); a FactuallyError passes through. */
export function queueFault(error: unknown, url: string): FactuallyError {
  if (FactuallyError.isInstance(error)) return error;
  return new FactuallyError(
    "UNAVAILABLE",
    `the job queue's Redis server ${redactRedisUrl(url)} does not answer (${messageOf(error)}); check that it runs and FACTUALLY_REDIS_URL`,
    { cause: error, isRetryable: true },
  );
}
