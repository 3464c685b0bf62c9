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

describe("the session settings", () => {
  it("default to 120 idle minutes and 24 hours in all, and take each variable", () => {
    expect(resolveServerConfig({})).toMatchObject({ sessionIdleMinutes: 120, sessionMaxHours: 24 });
    expect(
      resolveServerConfig({
        FACTUALLY_SESSION_IDLE_MINUTES: "30",
        FACTUALLY_SESSION_MAX_HOURS: "8",
      }),
    ).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 8 });
  });

  it("refuse values that cannot work with BAD_CONFIG naming the variable", () => {
    for (const [name, value] of [
      ["FACTUALLY_SESSION_IDLE_MINUTES", "0"],
      ["FACTUALLY_SESSION_IDLE_MINUTES", "ten"],
      ["FACTUALLY_SESSION_MAX_HOURS", "-1"],
      ["FACTUALLY_SESSION_MAX_HOURS", "1.5"],
    ] as const) {
      expect(() => resolveServerConfig({ [name]: value })).toThrow(
        expect.objectContaining({ code: "BAD_CONFIG", message: expect.stringContaining(name) }),
      );
    }
    expect(() =>
      resolveServerConfig({
        FACTUALLY_SESSION_IDLE_MINUTES: "600",
        FACTUALLY_SESSION_MAX_HOURS: "2",
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining("FACTUALLY_SESSION_IDLE_MINUTES"),
      }),
    );
  });
});
