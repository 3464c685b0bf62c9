// Load figures for the service: autocannon against a check page and the same check's JSON on
// loopback, each for a fixed time, reporting requests per second and latency percentiles.
// `npm run bench:serve` (builds first). The server runs in this process on a temp database
// with the sample corpus and one stored check.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openEngine } from "../dist/assemble/engine.js";
import { loadConfig } from "../dist/config/config.js";
import { ingestPaths } from "../dist/ingest/ingest.js";
import { startServer } from "../dist/server/start.js";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

// autocannon is a CommonJS dev dependency without types; it is loaded only here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const CORPUS = fileURLToPath(new URL("../corpus/check-covid/abstracts.jsonl", import.meta.url));

export interface LoadFigure {
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

export async function measureServe(options: {
  seconds: number;
  connections: number;
}): Promise<LoadFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), "factually-serve-load-"));
  const config = loadConfig({ cwd: dir, env: { FACTUALLY_DB: join(dir, "load.db") } });
  const engine = await openEngine(config);
  try {
    await ingestPaths(engine.corpus, [CORPUS], { format: "auto" });
    const server = await startServer({
      engine,
      port: 0,
      host: "127.0.0.1",
      version: "bench",
    });
    try {
      const created = await fetch(`${server.url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Face masks reduce the spread of COVID-19." }),
      });
      const { check } = (await created.json()) as { check: { id: string } };
      const figures: LoadFigure[] = [];
      for (const path of [`/check/${check.id}`, `/api/checks/${check.id}`]) {
        const r = await autocannon({
          url: `${server.url}${path}`,
          connections: options.connections,
          duration: options.seconds,
        });
        figures.push({
          target: `GET ${path.replace(check.id, ":id")}`,
          requestsPerSecond: Math.round(r.requests.average),
          p50: r.latency.p50,
          p99: r.latency.p99,
          max: r.latency.max,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      }
      return figures;
    } finally {
      await server.close();
    }
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
