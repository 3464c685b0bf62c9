// An engine opened inside a worker thread from a configuration posted to it (plain data, as a
// job queue would pass it), running a check on the same database as the main thread.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { openEngine } from "./engine.js";

// The worker runs the built engine: a worker thread cannot load TypeScript sources.
const BUILT_ENGINE = resolve(import.meta.dirname, "../../dist/assemble/engine.js");
const WORKER = `
  const { parentPort, workerData } = require("node:worker_threads");
  (async () => {
    const { openEngine } = await import(workerData.engine);
    const engine = await openEngine(workerData.config);
    try {
      const result = await engine.check(workerData.request);
      parentPort.postMessage({ id: result.check.id, n: result.version.n, outcome: result.outcome });
    } finally {
      await engine.close();
    }
  })().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

let dir: string;
beforeAll(() => {
  if (!existsSync(BUILT_ENGINE)) throw new Error(`${BUILT_ENGINE} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), "factually-worker-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an engine in a worker thread", () => {
  it("opens from a posted configuration and stores its check where the main thread reads it", async () => {
    const config = loadConfig({ cwd: dir, env: { FACTUALLY_DB: join(dir, "worker.db") } });
    const main = await openEngine(config);
    try {
      await main.corpus.upsertDocuments([
        {
          id: "masks",
          title: "Face masks and influenza in households",
          text: "Face masks reduced household transmission of influenza in a randomised trial of 400 households.",
        },
      ]);
      const answer = await new Promise<{ id?: string; n?: number; error?: string }>(
        (resolve, reject) => {
          const worker = new Worker(WORKER, {
            eval: true,
            workerData: {
              engine: BUILT_ENGINE,
              config,
              request: { text: "Face masks reduce influenza transmission." },
            },
          });
          worker.once("message", resolve);
          worker.once("error", reject);
        },
      );
      expect(answer.error).toBeUndefined();
      expect(answer.n).toBe(1);
      const stored = await main.checks.getCheck(answer.id ?? "");
      expect(stored?.versions.map((v) => v.n)).toEqual([1]);
    } finally {
      await main.close();
    }
  });
});
