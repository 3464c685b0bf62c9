import { describe, expect, it } from "vitest";
import { GenerationQueue } from "./generation-queue.js";

describe("GenerationQueue", () => {
  it("runs tasks one at a time in arrival order", async () => {
    const queue = new GenerationQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await Promise.resolve();
      log.push(`${name} end`);
      return name;
    };
    expect(await Promise.all([queue.run(task("a")), queue.run(task("b"))])).toEqual(["a", "b"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end"]);
  });

  it("rejects a waiting task at once when aborted and never runs it", async () => {
    const queue = new GenerationQueue();
    let release = () => {};
    const first = queue.run(() => new Promise<string>((resolve) => (release = () => resolve("a"))));
    const controller = new AbortController();
    let ran = false;
    const second = queue.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    release();
    expect(await first).toBe("a");
    expect(await queue.run(async () => "c")).toBe("c");
    expect(ran).toBe(false);
  });

  it("keeps going after a task fails", async () => {
    const queue = new GenerationQueue();
    await expect(queue.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run(async () => "next")).toBe("next");
  });
});
