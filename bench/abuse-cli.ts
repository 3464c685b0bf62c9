// `npm run bench:abuse`: what a flood from many loopback addresses costs a normal client. Twenty
// addresses (127.0.0.10–29) each try 15 checks of their own texts and 150 ratings at once, while
// one normal client (127.0.0.1) starts two checks and reads a check page 200 times; the same
// client's figures unloaded first. Bounded: every flooder stops after its requests, a refused
// normal check is retried after 1 s for at most 120 s. Builds first; loopback only.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Agent, fetch as undiciFetch } from "undici";
import { openEngine } from "../dist/assemble/engine.js";
import { loadConfig } from "../dist/config/config.js";
import { ingestPaths } from "../dist/ingest/ingest.js";
import { startServer } from "../dist/server/start.js";
import { percentile } from "./stats.ts";

const CORPUS = fileURLToPath(new URL("../corpus/check-covid/abstracts.jsonl", import.meta.url));
const FLOODERS = 20;
const CHECKS_EACH = 15;
const RATINGS_EACH = 150;
const PAGE_READS = 200;

type Post = (path: string, body: unknown) => Promise<{ status: number; body: unknown }>;

function client(url: string, address: string): Post {
  const dispatcher = new Agent({ localAddress: address });
  return async (path, body) => {
    const response = await undiciFetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      dispatcher,
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
}

/** The normal client: two new checks (retried while refused), then page reads. */
async function normalClient(url: string, post: Post, round: string, checkId: string) {
  const completions: number[] = [];
  let refusals = 0;
  for (const text of [
    `Face masks reduce the spread of COVID-19 (${round}).`,
    `Vitamin D supplements prevent COVID-19 infection (${round}).`,
  ]) {
    const t0 = performance.now();
    while (true) {
      const { status } = await post("/api/checks", { text });
      if (status === 201) break;
      refusals++;
      if (performance.now() - t0 > 120_000)
        throw new Error(`normal check refused for 120 s (${status})`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    completions.push(performance.now() - t0);
  }
  const reads: number[] = [];
  for (let i = 0; i < PAGE_READS; i++) {
    const t0 = performance.now();
    const response = await fetch(`${url}/check/${checkId}`);
    await response.arrayBuffer();
    reads.push(performance.now() - t0);
  }
  return { completions, refusals, readP50: percentile(reads, 50), readP99: percentile(reads, 99) };
}

async function flood(url: string, checkId: string) {
  const counts = new Map<string, number>();
  const count = (what: string, status: number) =>
    counts.set(`${what} ${status}`, (counts.get(`${what} ${status}`) ?? 0) + 1);
  await Promise.all(
    Array.from({ length: FLOODERS }, async (_, i) => {
      const post = client(url, `127.0.0.${10 + i}`);
      const checks = Promise.all(
        Array.from({ length: CHECKS_EACH }, async (_, k) => {
          const { status } = await post("/api/checks", {
            text: `Zinc lozenges shorten colds by ${i * 100 + k} hours.`,
          });
          count("check", status);
        }),
      );
      for (let k = 0; k < RATINGS_EACH; k++) {
        const { status } = await post(`/api/checks/${checkId}/feedback`, { helpful: k % 2 === 0 });
        count("rating", status);
      }
      await checks;
    }),
  );
  return [...counts]
    .sort()
    .map(([key, n]) => `${key}: ${n}`)
    .join(", ");
}

const dir = mkdtempSync(join(tmpdir(), "factually-abuse-"));
const config = loadConfig({ cwd: dir, env: { FACTUALLY_DB: join(dir, "abuse.db") } });
const engine = await openEngine(config, { model: "offline" });
try {
  await ingestPaths(engine.corpus, [CORPUS], { format: "auto" });
  const server = await startServer({ engine, port: 0, host: "127.0.0.1", version: "bench" });
  try {
    const normal = client(server.url, "127.0.0.1");
    const seeded = await normal("/api/checks", { text: "Hydroxychloroquine treats COVID-19." });
    const checkId = (seeded.body as { check: { id: string } }).check.id;
    console.log(
      `Node ${process.version}, ${availableParallelism()} cores; defaults (${config.server.checksPerMinute} checks, ${config.server.ratingsPerMinute} ratings a minute per client; ${config.server.maxRunning} running, ${config.server.maxQueued} queued); loopback`,
    );
    const quiet = await normalClient(server.url, normal, "quiet", checkId);
    const started = performance.now();
    const [loaded, floodCounts] = await Promise.all([
      normalClient(server.url, normal, "loaded", checkId),
      flood(server.url, checkId),
    ]);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    const line = (name: string, r: typeof quiet) =>
      `${name.padEnd(9)} checks done in ${r.completions.map(ms).join(", ")} (${r.refusals} refused first); page read p50 ${r.readP50.toFixed(1)} ms, p99 ${r.readP99.toFixed(1)} ms`;
    console.log(line("unloaded", quiet));
    console.log(line("flooded", loaded));
    console.log(
      `flood (${FLOODERS} addresses × ${CHECKS_EACH} checks + ${RATINGS_EACH} ratings) over ${ms(performance.now() - started)}: ${floodCounts}`,
    );
    const stored = await engine.checks.getCheck(checkId);
    console.log(
      `ratings counted on the flooded check: ${JSON.stringify(stored?.versions[0]?.feedback)}`,
    );
  } finally {
    await server.close();
  }
} finally {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
}
