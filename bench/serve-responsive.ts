// How responsive the service stays while it checks: four checks at once on the sample corpus,
// each followed over SSE, while one client asks GET /api/health back to back; reports the health
// latency (p50, p99, max) and when each check's first event reached its client. Run once with
// checks on the main thread (FACTUALLY_WORKERS=0, as before worker threads) and once with the
// default pool. `npm run bench:responsive` (builds first).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { openEngine } from "../dist/assemble/engine.js";
import { loadConfig } from "../dist/config/config.js";
import { ingestPaths } from "../dist/ingest/ingest.js";
import { readEventsUntil } from "../dist/server/api/testing/http.js";
import { workerCount } from "../dist/server/job-runner.js";
import { startServer } from "../dist/server/start.js";
import { percentile } from "./stats.ts";

const CORPUS = fileURLToPath(new URL("../corpus/check-covid/abstracts.jsonl", import.meta.url));

/** Four claims the sample corpus has evidence on, checked at once. */
export const CLAIMS = [
  "Face masks reduce the spread of COVID-19.",
  "Vitamin D supplements prevent COVID-19 infection.",
  "Hydroxychloroquine is an effective treatment for COVID-19.",
  "Remdesivir shortens recovery time in patients hospitalised with COVID-19.",
];

export interface RoundFigures {
  /** `cold`: the first checks (models load); `warm`: the same checks again, fresh. */
  round: "cold" | "warm";
  healthRequests: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
  /** Median over the checks: ms from the POST to the first pipeline event, and to `done`. */
  firstEventMs: number;
  doneMs: number;
  wallMs: number;
}

export interface ResponsiveFigures {
  /** Worker threads (0: checks on the main thread). */
  workers: number;
  where: "threads" | "main";
  rounds: RoundFigures[];
}

/** Runs the cold and the warm round against a server with `workers` threads (undefined: default). */
export async function measureResponsive(workers?: number): Promise<ResponsiveFigures> {
  const dir = mkdtempSync(join(tmpdir(), "factually-responsive-"));
  const db = join(dir, "responsive.db");
  const env: Record<string, string> = {
    FACTUALLY_DB: db,
    FACTUALLY_MAX_RUNNING: String(CLAIMS.length),
    FACTUALLY_CHECKS_PER_MINUTE: "1000",
    ...(workers === undefined ? {} : { FACTUALLY_WORKERS: String(workers) }),
  };
  const config = loadConfig({ cwd: dir, env });
  const engine = await openEngine(config, { model: "offline" });
  try {
    await ingestPaths(engine.corpus, [CORPUS], { format: "auto" });
    const server = await startServer({
      engine,
      port: 0,
      host: "127.0.0.1",
      version: "bench",
    });
    try {
      const rounds = [await round(server.url, "cold"), await round(server.url, "warm")];
      const threads = workerCount(config);
      return { workers: threads, where: threads > 0 ? "threads" : "main", rounds };
    } finally {
      await server.close();
    }
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function round(url: string, name: RoundFigures["round"]): Promise<RoundFigures> {
  const started = performance.now();
  let running = true;
  const health: number[] = [];
  const probing = (async () => {
    while (running) {
      const t0 = performance.now();
      const response = await fetch(`${url}/api/health`);
      await response.arrayBuffer();
      health.push(performance.now() - t0);
    }
  })();
  const checks = await Promise.all(
    CLAIMS.map(async (text) => {
      const t0 = performance.now();
      const response = await fetch(`${url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ text, fresh: name === "warm" }),
      });
      let firstEvent: number | undefined;
      await readEventsUntil(response, (event) => {
        if (firstEvent === undefined && event.event !== "job-accepted")
          firstEvent = performance.now();
        return event.event === "done" || event.event === "error";
      });
      const done = performance.now();
      return { firstEvent: (firstEvent ?? done) - t0, done: done - t0 };
    }),
  );
  running = false;
  await probing;
  return {
    round: name,
    healthRequests: health.length,
    healthP50: percentile(health, 50),
    healthP99: percentile(health, 99),
    healthMax: Math.max(...health),
    firstEventMs: percentile(
      checks.map((c) => c.firstEvent),
      50,
    ),
    doneMs: percentile(
      checks.map((c) => c.done),
      50,
    ),
    wallMs: performance.now() - started,
  };
}
