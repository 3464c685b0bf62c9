// One per-client budget of checks, whichever door they come in by: a client that used its
// checks through the API cannot start more through the page form, and the other way round —
// nor through another server sharing the same Redis. A Redis that cannot be reached refuses.
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "./api/rate-limit.js";
import { createRedisRateLimiter } from "./cluster/redis-rate-limiter.js";
import { closedLoopbackPort } from "./cluster/testing/closed-port.js";
import {
  SKIP_REASON,
  TEST_REDIS_URL,
  type TestRedis,
  testRedis,
} from "./cluster/testing/test-redis.js";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

const checkBody = (text: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ text }),
});

async function closeAll(servers: PageServer[]) {
  for (const server of servers) {
    await server.close();
    await server.store.close();
  }
}

describe("the per-client check limit", () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer({ FACTUALLY_CHECKS_PER_MINUTE: "1" });
  });
  afterAll(() => closeAll([server]));

  it("is shared by the API and the page form", async () => {
    const api = await server.request(
      "/api/checks",
      checkBody("Vitamin D supplements reduce influenza in schoolchildren."),
    );
    expect(api.status).toBe(201);
    const form = await server.post("/check", {
      text: "Face masks reduce the spread of influenza.",
    });
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toBe("60");
    expect(await form.text()).toContain("You started 1 check in the last minute; wait 60 s");
  });
});

describe("the per-client check limit on a dual-stack server", () => {
  let servers: PageServer[] = [];
  afterAll(() => closeAll(servers));

  it("counts an IPv4 client reaching an IPv6 socket (::ffff:127.0.0.1) as the same client", async () => {
    // One limiter, as two servers sharing Redis hold: one listens on 127.0.0.1, the other on
    // :: where IPv4 peers arrive as IPv4-mapped IPv6 addresses.
    const checkLimiter = createRateLimiter({ limit: 1, now: () => new Date(0) });
    const env = { FACTUALLY_CHECKS_PER_MINUTE: "1" };
    servers = [
      await startPageServer(env, { checkLimiter }),
      await startPageServer(env, { checkLimiter, host: "::" }),
    ];
    const [ipv4, dual] = servers as [PageServer, PageServer];
    const first = await ipv4.request(
      "/api/checks",
      checkBody("Vitamin D supplements reduce influenza in schoolchildren."),
    );
    expect(first.status).toBe(201);
    // The same client (127.0.0.1) through the dual-stack server.
    const port = new URL(dual.url).port;
    const again = await fetch(`http://127.0.0.1:${port}/api/checks`, {
      ...checkBody("Face masks reduce the spread of influenza."),
    });
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("60");
  });
});

describe.skipIf(!TEST_REDIS_URL)(`the per-client check limit in Redis${SKIP_REASON}`, () => {
  let redis: TestRedis;
  let servers: PageServer[] = [];
  afterEach(async () => {
    await closeAll(servers);
    servers = [];
    await redis.close();
  });

  it("is one budget for every server sharing the Redis", async () => {
    redis = testRedis();
    const limiter = () =>
      createRedisRateLimiter({ redis: redis.connect(), perMinute: 1, prefix: redis.prefix });
    const env = { FACTUALLY_CHECKS_PER_MINUTE: "1" };
    servers = [
      await startPageServer(env, { checkLimiter: limiter() }),
      await startPageServer(env, { checkLimiter: limiter() }),
    ];
    const [first, second] = servers as [PageServer, PageServer];
    const api = await first.request(
      "/api/checks",
      checkBody("Vitamin D supplements reduce influenza in schoolchildren."),
    );
    expect(api.status).toBe(201);
    const elsewhere = await second.request(
      "/api/checks",
      checkBody("Face masks reduce the spread of influenza."),
    );
    expect(elsewhere.status).toBe(429);
    // Redis's clock runs while the first check does: the next token is due within the minute.
    const retryAfter = Number(elsewhere.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});

describe("the per-client check limit when Redis cannot be reached", () => {
  let server: PageServer;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis({ host: "127.0.0.1", port: await closedLoopbackPort() });
    redis.on("error", () => {});
    const checkLimiter = createRedisRateLimiter({ redis, perMinute: 5, timeoutMs: 300 });
    server = await startPageServer({ FACTUALLY_CHECKS_PER_MINUTE: "5" }, { checkLimiter });
  });
  afterAll(async () => {
    await closeAll([server]);
    redis.disconnect();
  });

  it("refuses an API check with 503 and a JSON error naming Redis", async () => {
    const response = await server.request("/api/checks", checkBody("Masks reduce flu."));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).toContain("Redis");
    expect(body.error.message).not.toMatch(/\n\s+at /);
  });

  it("shows the page form's check as refused, naming Redis", async () => {
    const form = await server.post("/check", { text: "Face masks reduce the spread of flu." });
    expect(form.status).toBe(503);
    expect(await form.text()).toContain("Redis failed or did not answer");
  });
});
