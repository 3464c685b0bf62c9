// The queue's settings: off without FACTUALLY_REDIS_URL, defaults when only it is set, and a
// clear BAD_CONFIG naming the variable (never echoing a password) for values that cannot work.
import { describe, expect, it } from "vitest";
import { QUEUE_DEFAULTS, resolveServerConfig } from "./server-config.js";

describe("the queue settings", () => {
  it("are off without FACTUALLY_REDIS_URL", () => {
    expect(resolveServerConfig({}).queue).toBeUndefined();
    expect(resolveServerConfig({ FACTUALLY_REDIS_URL: "  " }).queue).toBeUndefined();
  });

  it("take their defaults when only the URL is set, and each variable when given", () => {
    expect(resolveServerConfig({ FACTUALLY_REDIS_URL: "redis://127.0.0.1:6379" }).queue).toEqual({
      redisUrl: "redis://127.0.0.1:6379",
      ...QUEUE_DEFAULTS,
    });
    expect(
      resolveServerConfig({
        FACTUALLY_REDIS_URL: "rediss://:secret@cache.example:6380/2",
        FACTUALLY_REDIS_PREFIX: "newsroom-a",
        FACTUALLY_JOB_ATTEMPTS: "2",
        FACTUALLY_JOB_LOCK_MS: "5000",
        FACTUALLY_WORKER_GRACE_MS: "0",
      }).queue,
    ).toEqual({
      redisUrl: "rediss://:secret@cache.example:6380/2",
      prefix: "newsroom-a",
      attempts: 2,
      lockMs: 5000,
      graceMs: 0,
    });
  });

  it.each([
    [{ FACTUALLY_REDIS_URL: "http://127.0.0.1:6379" }, "FACTUALLY_REDIS_URL", /redis:\/\//],
    [{ FACTUALLY_REDIS_URL: "127.0.0.1:6379" }, "FACTUALLY_REDIS_URL", /redis:\/\//],
    [
      { FACTUALLY_REDIS_URL: "redis://h:6379", FACTUALLY_REDIS_PREFIX: "a b" },
      "FACTUALLY_REDIS_PREFIX",
      /letters, digits/,
    ],
    [
      { FACTUALLY_REDIS_URL: "redis://h:6379", FACTUALLY_JOB_LOCK_MS: "10" },
      "FACTUALLY_JOB_LOCK_MS",
      /1000/,
    ],
    [
      { FACTUALLY_REDIS_URL: "redis://h:6379", FACTUALLY_JOB_ATTEMPTS: "0" },
      "FACTUALLY_JOB_ATTEMPTS",
      /./,
    ],
  ])("refuses %j naming %s", (env, target, message) => {
    let thrown: unknown;
    try {
      resolveServerConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "BAD_CONFIG",
      target,
      message: expect.stringMatching(message),
    });
  });
});
