import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.js";

function clock(start = 0) {
  let ms = start;
  return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
}

describe("createRateLimiter", () => {
  it("allows a burst up to the limit, then one request per share of the minute", async () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 3, now: time.now });
    expect(await Promise.all([1, 2, 3].map(async () => (await limiter.take("a")).allowed))).toEqual(
      [true, true, true],
    );
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(19_000);
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
  });

  it("keeps each client's bucket apart and never holds more than the limit", async () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, now: time.now });
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("b")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
    time.advance(10 * 60_000);
    expect((await limiter.take("a")).allowed).toBe(true);
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
});
