// The Redis the tests use, if any: FACTUALLY_TEST_REDIS_URL (CI sets it). Each test takes its own
// random key prefix and deletes its keys at the end, so runs can share one Redis.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

export const TEST_REDIS_URL = process.env.FACTUALLY_TEST_REDIS_URL?.trim() || undefined;

/** Why Redis suites skip, for their names; empty when they run. */
export const SKIP_REASON = TEST_REDIS_URL ? "" : " (skipped: FACTUALLY_TEST_REDIS_URL is not set)";

export interface TestRedis {
  /** A fresh prefix, e.g. `factually-test:1b9c…:`, that no other run uses. */
  prefix: string;
  /** A new connection, as another process would hold; closed by `close`. */
  connect(): Redis;
  /** The keys under the prefix now (to check what is kept). */
  keys(): Promise<string[]>;
  /** Deletes every key under the prefix and closes every connection. */
  close(): Promise<void>;
}

/** Connections to the test Redis (call only when TEST_REDIS_URL is set). */
export function testRedis(): TestRedis {
  const prefix = `factually-test:${randomUUID()}:`;
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(TEST_REDIS_URL ?? "", { lazyConnect: false });
    connections.push(redis);
    return redis;
  };
  const keys = async () => {
    const admin = connections[0] ?? connect();
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await admin.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== "0");
    return found;
  };
  return {
    prefix,
    connect,
    keys,
    async close() {
      const left = await keys();
      if (left.length > 0) await (connections[0] ?? connect()).del(...left);
      await Promise.all(connections.map((c) => c.quit()));
    },
  };
}
