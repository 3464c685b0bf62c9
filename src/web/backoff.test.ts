import { describe, expect, it } from "vitest";
import {
  isRetryableStatus,
  MAX_RETRY_WAIT_MS,
  retryAfterMs,
  retryDelayMs,
  sleep,
} from "./backoff.js";

describe("retry timing", () => {
  it("honours Retry-After in seconds, as an HTTP date, and retry-after-ms", () => {
    const now = Date.parse("2026-11-29T12:00:00Z");
    expect(retryAfterMs({ "Retry-After": "2" }, now)).toBe(2000);
    expect(retryAfterMs({ "retry-after": "Sun, 29 Nov 2026 12:00:05 GMT" }, now)).toBe(5000);
    expect(retryAfterMs({ "retry-after-ms": "250" }, now)).toBe(250);
    expect(retryAfterMs({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it("backs off exponentially with jitter when the server does not say", () => {
    expect(retryDelayMs(0, {}, () => 0)).toBe(250);
    expect(retryDelayMs(0, {}, () => 1)).toBe(500);
    expect(retryDelayMs(3, {}, () => 0)).toBe(2000);
    expect(retryDelayMs(3, {}, () => 1)).toBe(4000);
    expect(retryDelayMs(20, {}, () => 1)).toBe(MAX_RETRY_WAIT_MS);
  });

  it("gives up rather than wait longer than it ever would", () => {
    expect(retryDelayMs(0, { "retry-after": "3600" })).toBeUndefined();
    expect(retryDelayMs(0, { "retry-after": "1" })).toBe(1000);
  });

  it("retries rate limits and server errors, not client errors", () => {
    expect([429, 500, 503, 408].map(isRetryableStatus)).toEqual([true, true, true, true]);
    expect([400, 401, 404, undefined].map(isRetryableStatus)).toEqual([false, false, false, false]);
  });

  it("sleeps until aborted", async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(slept).rejects.toThrow("stop");
  });
});
