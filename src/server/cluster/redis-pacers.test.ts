import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { pacerContract } from "../../web/request-pacer.contract.js";
import { createRedisPacers, redisSlotReserver } from "./redis-pacers.js";
import { closedLoopbackPort } from "./testing/closed-port.js";
import { SKIP_REASON, TEST_REDIS_URL, type TestRedis, testRedis } from "./testing/test-redis.js";

describe.skipIf(!TEST_REDIS_URL)(`Redis pacers${SKIP_REASON}`, () => {
  pacerContract("Redis", async () => {
    const redis = testRedis();
    // Two connections, as two processes would hold, connected before the clock starts.
    const connections = [redis.connect(), redis.connect()];
    await Promise.all(connections.map((c) => c.ping()));
    const [a, b] = connections.map((c) => createRedisPacers({ redis: c, prefix: redis.prefix }));
    if (!a || !b) throw new Error("two connections were asked for");
    return { factories: [a, b], key: (name) => name, close: () => redis.close() };
  });

  let redis: TestRedis | undefined;
  afterEach(async () => {
    await redis?.close();
    redis = undefined;
  });

  it("hands out starts exactly one interval apart on Redis's clock, to every connection", async () => {
    redis = testRedis();
    const { prefix } = redis;
    const reservers = [redis.connect(), redis.connect()].map((c) =>
      redisSlotReserver({ redis: c, prefix }),
    );
    const slots = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => reservers[i % 2]?.("search:brave:abc", 250)),
    );
    const starts = slots.map((s) => s?.startMs ?? 0).sort((a, b) => a - b);
    expect(starts.slice(1).map((start, i) => start - (starts[i] ?? 0))).toEqual([
      250, 250, 250, 250, 250,
    ]);
    // The first goes at once; each later one is told to wait its share.
    expect(Math.min(...slots.map((s) => s?.waitMs ?? -1))).toBe(0);
  });

  it("keeps a quota's key only until its next start has passed", async () => {
    redis = testRedis();
    const connection = redis.connect();
    await redisSlotReserver({ redis: connection, prefix: redis.prefix })("llm:openai:x", 5_000);
    const [key] = await redis.keys();
    expect(key).toBe(`${redis.prefix}pace:llm:openai:x`);
    const ttl = await connection.pttl(key ?? "");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });
});

describe("Redis pacers without Redis", () => {
  it("fail with UNAVAILABLE naming Redis when the connection is refused", async () => {
    const redis = new Redis({ host: "127.0.0.1", port: await closedLoopbackPort() });
    const errors: unknown[] = [];
    redis.on("error", (error) => errors.push(error));
    try {
      const pace = createRedisPacers({ redis, timeoutMs: 300 })("search:brave:abc", 1_000);
      const error = await pace().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FactuallyError);
      expect((error as FactuallyError).code).toBe("UNAVAILABLE");
      expect((error as FactuallyError).message).toMatch(/^cannot pace requests .*: Redis /);
      // The refusal really happened: the driver saw it, not a mock.
      expect(errors.map((e) => (e as { code?: string }).code)).toContain("ECONNREFUSED");
    } finally {
      redis.disconnect();
    }
  });
});
