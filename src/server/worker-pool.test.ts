// The check worker pool on a real SQLite file with the built worker (dist/server/check-worker.js):
// events stream back while a job runs, errors keep their code and message, cancels stop a job,
// and a worker that dies fails its job clearly and is replaced.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Engine, openEngine } from "../assemble/engine.js";
import { type Config, loadConfig } from "../config/config.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import { startWireServer } from "../llm/testing/wire-server.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { runCheckJob } from "./check-job.js";
import { checkWorkerFile, createCheckWorkerPool } from "./worker-pool.js";

const WORKER = checkWorkerFile();
const CRASHING_WORKER = fileURLToPath(
  new URL("../../test/fixtures/server/crashing-check-worker.mjs", import.meta.url),
);
/** The random-weight test model (../shared/models/README.md); absent in a user's clone. */
const TINY_GGUF = fileURLToPath(
  new URL("../../../shared/models/llama-2-tiny-random.gguf", import.meta.url),
);
const CLAIM = "Vitamin D supplements reduce influenza in schoolchildren.";
const DOCUMENTS = [
  {
    id: "trial",
    title: "Vitamin D and influenza in schoolchildren",
    text: "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial. The effect was largest in children who had not taken supplements before.",
  },
  {
    id: "masks",
    title: "Face masks and respiratory infections",
    text: "Face masks reduced the spread of influenza in households when worn early.",
  },
];

const idle = () => new AbortController().signal;

describe.skipIf(!WORKER)(
  WORKER
    ? "the check worker pool"
    : "the check worker pool — skipped: dist/server/check-worker.js is not built (npm run build)",
  { timeout: 30_000 },
  () => {
    let dir: string;
    let db: string;
    let store: SqliteStores;
    let config: Config;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "factually-pool-"));
      db = join(dir, "pool.db");
      store = openSqliteStore(db);
      await store.corpus.upsertDocuments(DOCUMENTS);
      config = loadConfig({ cwd: dir, env: { FACTUALLY_DB: db } });
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("runs a check on a worker, streams its events as they come, and stores it in the same file", async () => {
      const pool = createCheckWorkerPool({ config, dbPath: db, size: 1 });
      try {
        const events: CheckEvent[] = [];
        let settled = false;
        const running = pool.run(
          { kind: "check", text: CLAIM },
          {
            signal: idle(),
            onEvent: (event) => {
              expect(settled).toBe(false);
              events.push(event);
            },
          },
        );
        const result = await running.finally(() => {
          settled = true;
        });
        expect(result).toMatchObject({ n: 1, outcome: "first" });
        expect(events[0]).toEqual({ type: "stage-started", stage: "understand" });
        expect(events.at(-1)?.type).toBe("check-done");
        // The main thread's own connection sees what the worker stored.
        expect((await store.checks.getCheck(result.checkId))?.versions).toHaveLength(1);
      } finally {
        await pool.close();
      }
    });

    it("fails a job with the same error code and message as the main thread would", async () => {
      const pool = createCheckWorkerPool({ config, dbPath: db, size: 1 });
      const engine: Engine = await openEngine(config, { stores: store });
      try {
        for (const request of [
          { kind: "refresh", id: "no-such-check" } as const,
          { kind: "check", text: CLAIM, llm: true } as const,
        ]) {
          const options = { signal: idle(), onEvent: () => {} };
          const here = await runCheckJob(engine, request, options).catch((e: unknown) => e);
          const there = await pool.run(request, options).catch((e: unknown) => e);
          expect(there).toMatchObject({
            name: "FactuallyError",
            code: (here as { code: string }).code,
            message: (here as Error).message,
          });
        }
      } finally {
        await Promise.all([pool.close(), engine.close()]);
      }
    });

    it("stops its workers by asking, not by ending them mid-call: a running job ends ABORTED", async () => {
      // Ending a thread inside a native call (SQLite raising an error) can abort the process.
      const terminate = vi.spyOn(Worker.prototype, "terminate");
      const pool = createCheckWorkerPool({ config, dbPath: db, size: 1 });
      try {
        let started!: () => void;
        const inStage = new Promise<void>((resolve) => {
          started = resolve;
        });
        const running = pool.run(
          { kind: "check", text: "Vitamin D supplements prevent colds in adults." },
          {
            signal: idle(),
            onEvent: (event) => {
              if (event.type === "stage-started") started();
            },
          },
        );
        const outcome = running.catch((e: unknown) => e);
        await inStage;
        await pool.close();
        expect(await outcome).toMatchObject({ code: "ABORTED" });
        expect(terminate).not.toHaveBeenCalled();
        expect(pool.live()).toBe(0);
      } finally {
        terminate.mockRestore();
        await pool.close();
      }
    });

    it("stops a cancelled job at its next stage, as ABORTED, and stores nothing", async () => {
      const pool = createCheckWorkerPool({ config, dbPath: db, size: 1 });
      const claim = "Face masks reduce the spread of influenza in households.";
      try {
        const controller = new AbortController();
        const stages: string[] = [];
        const running = pool.run(
          { kind: "check", text: claim },
          {
            signal: controller.signal,
            onEvent: (event) => {
              if (event.type !== "stage-started") return;
              stages.push(event.stage);
              controller.abort();
            },
          },
        );
        await expect(running).rejects.toMatchObject({ code: "ABORTED" });
        expect(stages.length).toBeLessThan(4);
        const { checks } = await store.checks.listChecks({ limit: 10 });
        expect(checks.map((c) => c.check.input)).not.toContain(claim);
      } finally {
        await pool.close();
      }
    });

    it.skipIf(!existsSync(TINY_GGUF))(
      `loads the configured GGUF model in the worker and checks with it${existsSync(TINY_GGUF) ? "" : ` (skipped: ${TINY_GGUF} is absent)`}`,
      async () => {
        const env = {
          FACTUALLY_DB: db,
          FACTUALLY_LLM_PROVIDER: "gguf",
          FACTUALLY_LLM_MODEL: TINY_GGUF,
          FACTUALLY_LLM_THREADS: "1",
          FACTUALLY_LLM_MAX_CALLS: "4",
        };
        const pool = createCheckWorkerPool({
          config: loadConfig({ cwd: dir, env }),
          dbPath: db,
          size: 1,
        });
        try {
          const result = await pool.run(
            { kind: "check", text: "Face masks reduce influenza in households.", llm: true },
            { signal: idle(), onEvent: () => {} },
          );
          const version = await store.checks.getVersion(result.checkId, result.n);
          expect(version?.settings.models.join(" ")).toContain("gguf:llama-2-tiny-random.gguf");
        } finally {
          await pool.close();
        }
      },
      60_000,
    );

    it("keeps one model pace over all its workers (FACTUALLY_LLM_PER_MINUTE), not one each", async () => {
      const arrived: number[] = [];
      const model = await startWireServer(() => {
        arrived.push(performance.now());
        // A fault answered at once: each stage falls back offline, after one paced request.
        return { kind: "status", status: 500, message: "down" };
      });
      const env = {
        FACTUALLY_DB: db,
        FACTUALLY_LLM_PROVIDER: "openai-compatible",
        FACTUALLY_LLM_MODEL: "wire-model",
        FACTUALLY_LLM_BASE_URL: `${model.url}/v1`,
        FACTUALLY_LLM_RETRIES: "0",
        // One request every 200 ms.
        FACTUALLY_LLM_PER_MINUTE: "300",
      };
      const pool = createCheckWorkerPool({
        config: loadConfig({ cwd: dir, env }),
        dbPath: db,
        size: 2,
      });
      try {
        const asked = performance.now();
        await Promise.all(
          ["Face masks reduce influenza in households.", CLAIM].map((text) =>
            pool.run({ kind: "check", text, llm: true }, { signal: idle(), onEvent: () => {} }),
          ),
        );
        expect(pool.live()).toBe(2);
        expect(arrived.length).toBeGreaterThan(4);
        // One pace for both threads: the k-th request cannot start before k intervals after the
        // first could have, which is no earlier than when the checks were asked for. A busy
        // machine only makes requests late, never early, so this cannot fail from load. Two
        // threads pacing alone would send their requests in pairs, breaking it from the 3rd on.
        arrived.forEach((at, k) => {
          expect(at - asked).toBeGreaterThanOrEqual(k * 200 - 20);
        });
      } finally {
        await pool.close();
        await model.close();
      }
    });

    it("fails the jobs of a worker that dies with a clear error, and runs the next job on a new one", async () => {
      const pool = createCheckWorkerPool({
        config,
        dbPath: db,
        size: 1,
        workerFile: CRASHING_WORKER,
      });
      try {
        const options = { signal: idle(), onEvent: () => {} };
        await expect(pool.run({ kind: "check", text: "crash now" }, options)).rejects.toMatchObject(
          {
            code: "INTERNAL",
            message: expect.stringMatching(
              /^the worker thread running this check stopped \(simulated fault in the check worker\)/,
            ),
          },
        );
        await expect(pool.run({ kind: "check", text: "fine" }, options)).resolves.toEqual({
          checkId: "c1",
          n: 1,
          outcome: "first",
        });
      } finally {
        await pool.close();
      }
    });
  },
);
