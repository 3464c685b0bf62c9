import { Hono } from "hono";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { admitClient } from "../api/rate-limit.js";
import { createRedisRateLimiter } from "./redis-rate-limiter.js";
import { closedLoopbackPort } from "./testing/closed-port.js";
import { SKIP_REASON, TEST_REDIS_URL, type TestRedis, testRedis } from "./testing/test-redis.js";

describe.skipIf(!TEST_REDIS_URL)(`Redis rate limiter${SKIP_REASON}`, () => {
  let redis: TestRedis;
  afterEach(() => redis.close());

  it("lets every process together start perMinute checks a minute, not each", async () => {
    redis = testRedis();
    const { prefix } = redis;
    // Two connections, as two server processes would hold.
    const [a, b] = [redis.connect(), redis.connect()].map((connection) =>
      createRedisRateLimiter({ redis: connection, perMinute: 3, prefix }),
    ) as [ReturnType<typeof createRedisRateLimiter>, ReturnType<typeof createRedisRateLimiter>];
    const taken = await Promise.all([a, b, a, b, a, b].map((limiter) => limiter.take("10.0.0.1")));
    expect(taken.filter((t) => t.allowed)).toHaveLength(3);
    // Three refused, each told to come back when the next token is due (60 s / 3).
    expect(taken.filter((t) => !t.allowed)).toEqual([
      { allowed: false, retryAfterSeconds: 20 },
      { allowed: false, retryAfterSeconds: 20 },
      { allowed: false, retryAfterSeconds: 20 },
    ]);
  });

  it("keeps each client's bucket apart", async () => {
    redis = testRedis();
    const limiter = createRedisRateLimiter({
      redis: redis.connect(),
      perMinute: 1,
      prefix: redis.prefix,
    });
    expect(await limiter.take("10.0.0.1")).toEqual({ allowed: true });
    expect(await limiter.take("10.0.0.2")).toEqual({ allowed: true });
    expect(await limiter.take("10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("keeps a client's key only until its bucket would be full again", async () => {
    redis = testRedis();
    const connection = redis.connect();
    const limiter = createRedisRateLimiter({
      redis: connection,
      perMinute: 6,
      prefix: redis.prefix,
    });
    await limiter.take("10.0.0.1");
    expect(await redis.keys()).toEqual([`${redis.prefix}check-limit:10.0.0.1`]);
    // One token of six spent: full again within one token's share of the minute (10 s).
    const ttl = await connection.pttl(`${redis.prefix}check-limit:10.0.0.1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it("takes costs over a longer window and gives tokens back, never past the limit", async () => {
    redis = testRedis();
    const limiter = createRedisRateLimiter({
      redis: redis.connect(),
      name: "comment-limit",
      limit: 8000,
      windowMs: 3_600_000,
      prefix: redis.prefix,
    });
    expect(await limiter.take("10.0.0.1", 4000)).toEqual({ allowed: true });
    expect(await limiter.take("10.0.0.1", 4000)).toEqual({ allowed: true });
    const refused = await limiter.take("10.0.0.1", 4000);
    expect(refused.allowed).toBe(false);
    // About half an hour (Redis's clock moved on a little since).
    expect(refused.allowed ? 0 : refused.retryAfterSeconds).toBeGreaterThan(1790);
    await limiter.giveBack("10.0.0.1", 4000);
    expect(await limiter.take("10.0.0.1", 4000)).toEqual({ allowed: true });
    expect(await redis.keys()).toEqual([`${redis.prefix}comment-limit:10.0.0.1`]);
    const one = createRedisRateLimiter({ redis: redis.connect(), limit: 1, prefix: redis.prefix });
    await one.giveBack("10.0.0.2");
    expect((await one.take("10.0.0.2")).allowed).toBe(true);
    expect((await one.take("10.0.0.2")).allowed).toBe(false);
  });
});

describe("Redis rate limiter without Redis", () => {
  let redis: Redis | undefined;
  afterEach(() => redis?.disconnect());

  const unreachable = async () => {
    redis = new Redis({ host: "127.0.0.1", port: await closedLoopbackPort() });
    redis.on("error", () => {});
    return createRedisRateLimiter({ redis, perMinute: 5, timeoutMs: 300 });
  };

  it("fails with UNAVAILABLE naming Redis when the connection is refused", async () => {
    const error = await (await unreachable()).take("10.0.0.1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactuallyError);
    expect((error as FactuallyError).code).toBe("UNAVAILABLE");
    expect((error as FactuallyError).message).toContain("Redis");
  });

  it("makes the API answer 503 with a JSON error naming Redis, never a stack trace", async () => {
    const gate = admitClient(await unreachable(), "start 5 checks a minute");
    const app = new Hono().post("/checks", async (c) => (await gate.admit(c)) ?? c.json({}, 201));
    const response = await app.request("/checks", { method: "POST" });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).toMatch(/^cannot count the checks this client started: Redis /);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  });
});
