// `npm run bench:check`: how long an offline check takes on the sample corpus — in one process
// (warm: the stance model and NLP loaded once) and as a user runs it (`factually check …` from
// a cold start, one process per check). Prints p50/p95; nothing here is a test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { offlineCheckDependencies } from "../dist/assemble/offline-check.js";
import { formatTable } from "../dist/cli/terminal-table.js";
import { runCheck } from "../dist/pipeline/run.js";
import { openSqliteStore } from "../dist/store/sqlite/open.js";
import { percentile } from "./stats.ts";

const CLAIMS = [
  "Face masks reduce the spread of COVID-19.",
  "Hydroxychloroquine cures COVID-19 in most patients.",
  "Vitamin C cures COVID-19.",
  "Remdesivir shortens the time to recovery.",
  "Convalescent plasma reduces mortality.",
  "5G spreads COVID-19.",
  "How long does immunity last after COVID-19 infection?",
  "Do face masks reduce the spread of COVID-19?",
  "Can people without symptoms transmit COVID-19?",
  "Children are less likely to become seriously ill from COVID-19.",
  "Vitamin D deficiency increases the risk of severe COVID-19.",
  "The Pfizer vaccine is 95% effective against symptomatic COVID-19.",
];

const root = fileURLToPath(new URL("../", import.meta.url));
const corpus = join(root, "corpus/check-covid/abstracts.jsonl");
const cli = join(root, "dist/cli/main.js");

async function inProcess(): Promise<number[]> {
  const store = openSqliteStore(":memory:");
  try {
    const lines = readFileSync(corpus, "utf8").trim().split("\n");
    await store.corpus.upsertDocuments(
      lines.map((l) => JSON.parse(l) as { id: string; title: string; text: string }),
    );
    const deps = offlineCheckDependencies(store.corpus);
    await runCheck(CLAIMS[0] ?? "", deps); // warm-up: model, NLP and JIT
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const claim of CLAIMS) {
        const started = performance.now();
        await runCheck(claim, deps);
        times.push(performance.now() - started);
      }
    }
    return times;
  } finally {
    await store.close();
  }
}

function asUser(): number[] {
  const dir = mkdtempSync(join(tmpdir(), "factually-bench-check-"));
  try {
    const db = join(dir, "bench.db");
    execFileSync(process.execPath, [cli, "ingest", corpus, "--db", db], { stdio: "ignore" });
    const times: number[] = [];
    for (const claim of CLAIMS) {
      const started = performance.now();
      execFileSync(process.execPath, [cli, "check", claim, "--db", db, "--fresh"], {
        stdio: "ignore",
      });
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const warm = await inProcess();
const cold = asUser();
const ms = (x: number) => `${Math.round(x)} ms`;
const row = (label: string, t: number[]) => [
  label,
  String(t.length),
  ms(percentile(t, 50)),
  ms(percentile(t, 95)),
];
process.stdout.write(
  `${formatTable([
    ["offline check, sample corpus (347 abstracts)", "checks", "p50", "p95"],
    row("in one process (warm)", warm),
    row("`factually check` per claim (cold start, stored)", cold),
  ])}\n`,
);
process.stdout.write(
  `${JSON.stringify({ benchmark: "check-latency", metrics: { warm_p50_ms: percentile(warm, 50), warm_p95_ms: percentile(warm, 95), cli_p50_ms: percentile(cold, 50), cli_p95_ms: percentile(cold, 95) } })}\n`,
);
