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

  it("takes a cost of several tokens, over a window of any length, and gives tokens back", async () => {
    const time = clock();
    // 8,000 bytes an hour: 450 ms a byte.
    const limiter = createRateLimiter({ limit: 8000, windowMs: 3_600_000, now: time.now });
    expect(await limiter.take("a", 4000)).toEqual({ allowed: true });
    expect(await limiter.take("a", 4000)).toEqual({ allowed: true });
    // 4,000 bytes more come back in 4,000 × 450 ms = 30 minutes.
    expect(await limiter.take("a", 4000)).toEqual({ allowed: false, retryAfterSeconds: 1800 });
    // More than the whole bucket costs the whole bucket (else it could never be allowed).
    await limiter.giveBack("a", 8000);
    expect(await limiter.take("a", 1_000_000)).toEqual({ allowed: true });
    expect((await limiter.take("a")).allowed).toBe(false);
    // Giving back never fills a bucket past its limit.
    await limiter.giveBack("b", 5);
    const one = createRateLimiter({ limit: 1, now: time.now });
    await one.take("c");
    await one.giveBack("c");
    await one.giveBack("c");
    expect((await one.take("c")).allowed).toBe(true);
    expect((await one.take("c")).allowed).toBe(false);
  });
});
