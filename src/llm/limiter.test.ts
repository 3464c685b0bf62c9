import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter.js";

describe("limiter", () => {
  it("never runs more than its size at once and runs every task", async () => {
    const limiter = createLimiter(2);
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limiter.run(async () => {
          peak = Math.max(peak, limiter.active);
          await new Promise((r) => setTimeout(r, 2));
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it("lets a waiting task be cancelled without taking a slot", async () => {
    const limiter = createLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const second = limiter.run(async () => "ran", controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(second).rejects.toThrow("cancelled");
    release();
    await first;
    await expect(limiter.run(async () => "third")).resolves.toBe("third");
  });
});
