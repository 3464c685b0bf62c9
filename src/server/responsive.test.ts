// The server stays responsive while it checks (issue 15): a check's events reach its SSE client
// as its stages happen, not in one burst at the end, and other requests are answered meanwhile.
// Needs the built worker (dist/server/check-worker.js); on the main thread this test fails, as
// the pipeline holds the event loop until the check is done.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, openEngine } from "../assemble/engine.js";
import { loadConfig } from "../config/config.js";
import { ingestPaths } from "../ingest/ingest.js";
import { readEventsUntil } from "./api/testing/http.js";
import { type RunningServer, startServer } from "./start.js";
import { watchJobs } from "./testing/stage-log.js";
import { checkWorkerFile } from "./worker-pool.js";

const CORPUS = fileURLToPath(new URL("../../corpus/check-covid/abstracts.jsonl", import.meta.url));
const WORKER = checkWorkerFile();

describe.skipIf(!WORKER)(
  WORKER
    ? "a server checking on worker threads"
    : "a server checking on worker threads — skipped: dist/server/check-worker.js is not built (npm run build)",
  { timeout: 60_000 },
  () => {
    let dir: string;
    let engine: Engine;
    let server: RunningServer;
    /** What happened, in the order the main thread saw it. */
    const log: string[] = [];
    let lock: Database.Database;
    let holding = false;
    const release = () => {
      if (!holding) return;
      holding = false;
      lock.exec("COMMIT");
      log.push("test released the database");
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "factually-responsive-"));
      const db = join(dir, "responsive.db");
      engine = await openEngine(loadConfig({ cwd: dir, env: { FACTUALLY_DB: db } }));
      await ingestPaths(engine.corpus, [CORPUS], { format: "auto" });
      server = await startServer({ engine, port: 0, host: "127.0.0.1", version: "test" });
      // Once the check has started, the test holds the database's write lock until the client
      // has its first stage and an answer from /api/health: the check computes but cannot store
      // its result meanwhile. On the main thread that wait would block the event loop (SQLite's
      // busy timeout), and neither would arrive before the check failed as the database busy.
      lock = new Database(db);
      watchJobs(server.context.jobs, {
        onEvent: (event) => {
          if (event.type === "stage-started" && event.stage === "understand" && !holding) {
            lock.exec("BEGIN IMMEDIATE");
            holding = true;
            log.push("test holds the database");
          }
          if (event.type === "stage-done") log.push(`server finished ${event.stage}`);
        },
        onStored: () => log.push("server stored the check"),
      });
    }, 60_000);
    afterAll(async () => {
      release();
      lock?.close();
      await server?.close();
      await engine?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("refuses to start when its model does not answer, though only the workers would use it", async () => {
      const unreachable = loadConfig({
        cwd: dir,
        env: {
          FACTUALLY_DB: join(dir, "responsive.db"),
          FACTUALLY_LLM_PROVIDER: "openai-compatible",
          FACTUALLY_LLM_MODEL: "wire-model",
          // Port 1 on loopback: nothing listens there, so the probe is refused at once.
          FACTUALLY_LLM_BASE_URL: "http://127.0.0.1:1/v1",
        },
      });
      const other = await openEngine(unreachable);
      try {
        await expect(
          startServer({ engine: other, port: 0, host: "127.0.0.1", version: "test" }),
        ).rejects.toMatchObject({ code: "BAD_CONFIG", target: "FACTUALLY_LLM_BASE_URL" });
      } finally {
        await other.close();
      }
    });

    it("says in /api/ready that checks run on worker threads, and how many are up", async () => {
      const ready = (await (await fetch(`${server.url}/api/ready`)).json()) as {
        checks: { on: string; workers: number };
      };
      expect(ready.checks.on).toBe("threads");
      expect(ready.checks.workers).toBe(await server.context.checks.runner.workers());
      expect(ready.checks.workers).toBeGreaterThanOrEqual(1);
    });

    it("streams a check's first stage to its client before the check's last stage finishes, and answers /api/health meanwhile", async () => {
      const response = await fetch(`${server.url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ text: "Face masks reduce the spread of COVID-19." }),
      });
      let health: Promise<void> | undefined;
      await readEventsUntil(response, (event) => {
        log.push(`client received ${event.event}`);
        if (event.event === "stage-started" && !health) {
          health = fetch(`${server.url}/api/health`).then((r) => {
            log.push(`client got health ${r.status}`);
            release();
          });
        }
        return event.event === "done" || event.event === "error";
      });
      await health;

      const at = (entry: string) => log.indexOf(entry);
      expect(log, log.join("\n")).toContain("test holds the database");
      expect(at("client received done"), log.join("\n")).toBeGreaterThan(0);
      expect(at("client received stage-started"), log.join("\n")).toBeLessThan(
        at("server stored the check"),
      );
      expect(at("client got health 200"), log.join("\n")).toBeLessThan(
        at("server stored the check"),
      );
    });
  },
);
