// The two loads of the cluster benchmark, against servers already running:
// - checks: every claim POSTed at once with `fresh: true`, each followed over Server-Sent Events.
//   Queue wait = from sending the POST to the first pipeline event after `job-accepted` (the
//   first stage's start, as the client sees it, on whichever process ran it); the run is over at
//   `done`. Throughput = checks ÷ (last `done` − first POST).
// - page reads: autocannon GETs one stored check's page and its JSON, spread evenly over the
//   servers given (round-robin connections).
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { readEventsUntil } from "../dist/server/api/testing/http.js";
import { percentile } from "./stats.ts";

export interface CheckLoadFigures {
  checks: number;
  seconds: number;
  checksPerSecond: number;
  /** Queue wait, ms. */
  waitP50: number;
  waitP95: number;
  /** POST to `done`, ms. */
  doneP50: number;
  /** Check ids, in the order of the claims. */
  ids: string[];
}

/** Runs every claim at once against `url` and measures each one's wait and end. */
export async function runChecks(url: string, claims: readonly string[]): Promise<CheckLoadFigures> {
  const started = performance.now();
  const runs = await Promise.all(
    claims.map(async (text) => {
      const sent = performance.now();
      const response = await fetch(`${url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ text, fresh: true }),
      });
      if (!response.ok) {
        throw new Error(`POST /api/checks answered ${response.status}: ${await response.text()}`);
      }
      let firstEvent: number | undefined;
      const events = await readEventsUntil(response, (event) => {
        if (firstEvent === undefined && event.event !== "job-accepted") {
          firstEvent = performance.now();
        }
        return event.event === "done" || event.event === "error";
      });
      const last = events.at(-1);
      if (last?.event !== "done") {
        throw new Error(`the check of "${text}" ended with ${JSON.stringify(last)}`);
      }
      const done = performance.now();
      return {
        id: (last.data as { id: string }).id,
        wait: (firstEvent ?? done) - sent,
        done: done - sent,
        end: done,
      };
    }),
  );
  const seconds = (Math.max(...runs.map((r) => r.end)) - started) / 1000;
  const waits = runs.map((r) => r.wait);
  return {
    checks: runs.length,
    seconds,
    checksPerSecond: runs.length / seconds,
    waitP50: percentile(waits, 50),
    waitP95: percentile(waits, 95),
    doneP50: percentile(
      runs.map((r) => r.done),
      50,
    ),
    ids: runs.map((r) => r.id),
  };
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string | string[];
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

// autocannon is a CommonJS dev dependency without types; it is loaded only here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface ReadFigures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Errors and non-2xx answers (they should be 0). */
  failures: number;
}

/** GETs `path` on every server in `urls` for `seconds` with `connections` in all. */
export async function measureReads(
  urls: readonly string[],
  path: string,
  options: { seconds: number; connections: number },
): Promise<ReadFigures> {
  const r = await autocannon({
    url: urls.map((url) => `${url}${path}`),
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.errors + r.non2xx,
  };
}
