import { describe, expect, it } from "vitest";
import { runBatch } from "./run-batch.js";

async function* numbers(n: number) {
  for (let i = 1; i <= n; i++) yield i;
}

/** A checkOne whose calls finish only when the test says so, in any order. */
function controlledChecks() {
  const pending = new Map<number, (value: string) => void>();
  const started: number[] = [];
  let onStart = () => {};
  return {
    started,
    checkOne: (row: number) =>
      new Promise<string>((resolve) => {
        started.push(row);
        pending.set(row, resolve);
        onStart();
      }),
    finish(row: number) {
      pending.get(row)?.(`result ${row}`);
      pending.delete(row);
    },
    /** Resolves once `n` checks have started in all. */
    async untilStarted(n: number) {
      while (started.length < n) await new Promise<void>((r) => (onStart = r));
    },
  };
}

describe("runBatch", () => {
  it("writes results in input order when checks finish out of order", async () => {
    const checks = controlledChecks();
    const written: string[] = [];
    const run = runBatch({
      rows: numbers(6),
      concurrency: 3,
      checkOne: checks.checkOne,
      write: (result) => written.push(result),
    });
    await checks.untilStarted(3);
    expect(checks.started).toEqual([1, 2, 3]);
    checks.finish(3);
    checks.finish(2);
    await checks.untilStarted(5);
    expect(written).toEqual([]);
    checks.finish(1);
    await checks.untilStarted(6);
    for (const row of [6, 5, 4]) checks.finish(row);
    const stats = await run;
    expect(written).toEqual([1, 2, 3, 4, 5, 6].map((n) => `result ${n}`));
    expect(stats).toMatchObject({ read: 6, written: 6, interrupted: false, maxInFlight: 3 });
  });

  it("reads no further ahead than the window while the oldest row is still running", async () => {
    const checks = controlledChecks();
    let read = 0;
    async function* counted() {
      for await (const n of numbers(100)) {
        read = n;
        yield n;
      }
    }
    const run = runBatch({
      rows: counted(),
      concurrency: 2,
      window: 5,
      checkOne: checks.checkOne,
      write: () => {},
    });
    await checks.untilStarted(2);
    for (let row = 2; row <= 5; row++) {
      checks.finish(row);
      await new Promise((r) => setImmediate(r));
    }
    // Row 1 holds the window: rows 2-5 are done, buffered, and nothing past row 5 was read.
    expect(read).toBe(5);
    checks.finish(1);
    for (let row = 6; row <= 100; row++) {
      await checks.untilStarted(row);
      checks.finish(row);
    }
    const stats = await run;
    expect(stats.maxBuffered).toBe(5);
    expect(stats.maxInFlight).toBe(2);
  });

  it("stops at the first rejected check and waits for the others to settle", async () => {
    let running = 0;
    let checked = 0;
    const run = runBatch({
      rows: numbers(10),
      concurrency: 3,
      checkOne: async (n) => {
        running += 1;
        checked += 1;
        await new Promise((r) => setImmediate(r));
        running -= 1;
        if (n === 3) throw new Error("disk on fire");
        return n;
      },
      write: () => {},
    });
    await expect(run).rejects.toThrow("disk on fire");
    expect(running).toBe(0);
    expect(checked).toBeLessThan(10);
  });

  it("writes nothing more once aborted, and says it was interrupted", async () => {
    const controller = new AbortController();
    const written: number[] = [];
    const stats = await runBatch({
      rows: numbers(50),
      concurrency: 3,
      checkOne: async (n, signal) => {
        await new Promise((r) => setImmediate(r));
        signal.throwIfAborted();
        return n;
      },
      write: (n) => {
        written.push(n);
        if (n === 4) controller.abort();
      },
      signal: controller.signal,
    });
    expect(written).toEqual([1, 2, 3, 4]);
    expect(stats).toMatchObject({ written: 4, interrupted: true });
  });
});
