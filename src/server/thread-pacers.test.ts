import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { pacerContract } from "../web/request-pacer.contract.js";
import { createPaceTable, threadPacers } from "./thread-pacers.js";

pacerContract("worker-thread", async () => {
  const table = createPaceTable();
  return {
    // Two factories over one table, as two threads hold them.
    factories: [threadPacers(table), threadPacers(table)],
    key: (name) => name,
    close: async () => {},
  };
});

const BUILT = fileURLToPath(new URL("../../dist/server/thread-pacers.js", import.meta.url));

/** A worker thread that takes `count` turns of `key` and posts when each started (epoch ms). */
function pacingThread(table: SharedArrayBuffer, key: string, count: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(workerData.module).then(async ({ threadPacers }) => {
      const pace = threadPacers(workerData.table)(workerData.key, workerData.interval);
      const started = [];
      for (let i = 0; i < workerData.count; i++) {
        await pace();
        started.push(performance.timeOrigin + performance.now());
      }
      parentPort.postMessage(started);
    });
  `;
  const worker = new Worker(code, {
    eval: true,
    workerData: { module: new URL(`file://${BUILT}`).href, table, key, count, interval: 100 },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (started: number[]) => {
      resolve(started);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("threadPacers across real worker threads", () => {
  it("keeps one pace for a key however many threads spend it", async () => {
    const table = createPaceTable();
    const starts = (
      await Promise.all([
        pacingThread(table, "llm:openai:abc", 3),
        pacingThread(table, "llm:openai:abc", 3),
      ])
    ).flat();
    expect(starts).toHaveLength(6);
    const first = Math.min(...starts);
    [...starts]
      .sort((a, b) => a - b)
      .forEach((at, i) => {
        // Never early: each start is at least its share of intervals after the first.
        expect(at - first).toBeGreaterThanOrEqual(i * 100 - 30);
      });
  });
});
