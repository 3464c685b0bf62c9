// Running one of our Lua scripts on Redis: by its SHA-1 (the script is sent once per server),
// bounded in time, and with every failure turned into UNAVAILABLE naming Redis and the operation.
import { createHash } from "node:crypto";
import { FactuallyError, messageOf } from "../../core/errors.js";

/**
 * What the limits need from a Redis client: ioredis's `Redis` fits. Declared here so nothing
 * else of the driver leaks in, and a test can see exactly what is used.
 */
export interface RedisScripting {
  evalsha(sha: string, numkeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: Array<string | number>): Promise<unknown>;
}

/** How long a script may take before the operation fails, Redis being unreachable or stuck. */
export const DEFAULT_REDIS_TIMEOUT_MS = 2_000;

export interface RedisScript {
  /** Runs the script on `keys` and `args`; rejects with FactuallyError UNAVAILABLE. */
  run(keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown>;
}

/** A script over `redis`; `what` names the operation in error messages ("count checks"). */
export function redisScript(
  redis: RedisScripting,
  source: string,
  options: { what: string; timeoutMs?: number },
): RedisScript {
  const sha = createHash("sha1").update(source).digest("hex");
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  const unavailable = (why: string, cause?: unknown) =>
    new FactuallyError(
      "UNAVAILABLE",
      `cannot ${options.what}: Redis failed or did not answer (${why}); the limits shared by the server and its workers are kept there, so check that Redis is running and reachable`,
      { ...(cause === undefined ? {} : { cause }), isRetryable: true },
    );

  const call = async (params: Array<string | number>): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, ...(params as [number, ...Array<string | number>]));
    } catch (error) {
      // A fresh or restarted Redis has no script cache: send the script itself once.
      if (!messageOf(error).startsWith("NOSCRIPT")) throw error;
      return redis.eval(source, ...(params as [number, ...Array<string | number>]));
    }
  };

  return {
    async run(keys, args) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(unavailable(`no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([call([keys.length, ...keys, ...args]), timeout]);
      } catch (error) {
        if (FactuallyError.isInstance(error)) throw error;
        throw unavailable(reasonOf(error), error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The system error (ECONNREFUSED) when there is one, else the driver's first line. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return code;
  return messageOf(error).split("\n")[0] ?? "unknown error";
}
