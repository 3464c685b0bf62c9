// Entry of `npm run bench`: ingest and query speed of factually and MiniSearch, side by side.
// Started with `--worker <job>` it is instead the child process that measures one run.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isFactuallyError, messageOf } from "../dist/core/errors.js";
import { type EngineName, engineDisplayName } from "./bench-engine.ts";
import {
  BenchJob,
  type BenchProgress,
  type RunOutcome,
  type WorkerMessage,
} from "./bench-result.ts";
import { type CorpusSpec, corpusLabel, SYNTHETIC_QUERY_COUNT } from "./corpus-source.ts";
import { describeProgress, runInChild } from "./harness.ts";
import { type BenchOptions, parseBenchOptions } from "./options.ts";
import { type BenchReport, formatReport, machineInfo, reportJson } from "./report.ts";
import { hasScifact } from "./scifact-data.ts";
import { runBenchJob } from "./worker.ts";

// Enough to warm the JIT and the page cache; at 1M each query may take seconds of the budget.
const WARMUP_QUERIES = 10;

async function main(argv: string[]): Promise<void> {
  const options = parseBenchOptions(argv, process.cwd());
  const startedAt = new Date().toISOString();
  const scifact = hasScifact(options.dataDir);
  const corpora: CorpusSpec[] = [
    ...(scifact ? [{ kind: "scifact" as const }] : []),
    ...options.sizes.map((size) => ({ kind: "synthetic" as const, size })),
  ];
  const engines: EngineName[] = options.skipPeer ? ["factually"] : ["factually", "minisearch"];
  const tempRoot = mkdtempSync(join(tmpdir(), "factually-bench-"));
  const removeTemp = () => rmSync(tempRoot, { recursive: true, force: true });
  process.once("SIGINT", () => {
    removeTemp();
    process.exit(130);
  });

  const outcomes: RunOutcome[] = [];
  try {
    for (const corpus of corpora) {
      for (const engine of engines)
        outcomes.push(await measure(engine, corpus, options, tempRoot, outcomes));
    }
  } finally {
    removeTemp();
  }

  const report: BenchReport = {
    startedAt,
    machine: machineInfo(),
    options,
    warmupQueries: WARMUP_QUERIES,
    notes: corpusNotes(options, scifact),
    outcomes,
  };
  process.stdout.write(`${formatReport(report)}\n`);
  if (options.json) process.stdout.write(`${reportJson(report)}\n`);
}

/** One engine × corpus in a child process, unless the engine already failed on a smaller size. */
async function measure(
  engine: EngineName,
  corpus: CorpusSpec,
  options: BenchOptions,
  tempRoot: string,
  earlier: readonly RunOutcome[],
): Promise<RunOutcome> {
  const label = corpusLabel(corpus);
  // Sizes run smallest first: an engine that ran out of memory or time will not do better on more.
  const failed = earlier.find(
    (o) => o.status !== "ok" && o.engine === engine && o.corpus.startsWith("synthetic"),
  );
  if (corpus.kind === "synthetic" && failed && failed.status !== "ok") {
    const reason = failed.status === "not-run" ? failed.reason : `not run: ${failed.reason}`;
    return { status: "not-run", engine, corpus: label, reason };
  }
  const workDir = join(tempRoot, `${engine}-${label.replace(/\W+/g, "-")}`);
  mkdirSync(workDir);
  const job: BenchJob = {
    engine,
    corpus,
    dataDir: options.dataDir,
    workDir,
    seed: options.seed,
    batchSize: options.batchSize,
    warmupQueries: WARMUP_QUERIES,
  };
  const name = `${engineDisplayName(engine)} × ${label}`;
  process.stderr.write(`[${name}] starting\n`);
  const started = performance.now();
  const limits = { timeoutSeconds: options.timeoutSeconds, maxOldSpaceMb: options.maxOldSpaceMb };
  const outcome = await runInChild(job, limits, (progress) => {
    if (worthPrinting(progress)) process.stderr.write(`${describeProgress(job, progress)}\n`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const status = outcome.status === "ok" ? "done" : outcome.reason;
  process.stderr.write(`[${name}] ${status} in ${seconds} s\n`);
  rmSync(workDir, { recursive: true, force: true });
  return outcome;
}

/** Workers report after every batch; a line every 50,000 documents or 50 queries is enough. */
function worthPrinting(progress: BenchProgress): boolean {
  const every = progress.phase === "ingest" ? 50_000 : 50;
  return progress.done % every === 0 || progress.done === progress.total;
}

function corpusNotes(options: BenchOptions, scifact: boolean): string[] {
  const notes = [
    scifact
      ? `SciFact: ${options.dataDir}/corpus.jsonl, one document per abstract (title + sentences joined); ` +
        "queries: the 300 BEIR test claims."
      : `SciFact not found in ${options.dataDir}: SciFact row skipped; synthetic corpora use a ` +
        "made-up Zipf vocabulary instead of SciFact's word frequencies.",
    `synthetic N: N documents of one passage each (60–120 words in sentences, 5–12-word title), ` +
      `words drawn with ${scifact ? "SciFact's word frequencies" : "made-up Zipf frequencies"} ` +
      `(mulberry32, seed ${options.seed}); queries: ${SYNTHETIC_QUERY_COUNT} of 4–8 words from ` +
      `the same frequencies. Smaller corpora are prefixes of larger ones.`,
    "index on disk: SQLite file + -wal after ingest. heap growth: live JS heap after ingest minus " +
      "before, after a full GC (for MiniSearch, its whole index). peak RSS: the worker process's maximum.",
  ];
  return notes;
}

/** The child side: run one job and send the result over IPC. */
async function workerMain(jobJson: string | undefined): Promise<void> {
  // Waits until the message is handed to the channel, so exiting cannot lose it.
  const sendAndWait = (message: WorkerMessage) =>
    new Promise<void>((resolve) => {
      if (process.send) process.send(message, () => resolve());
      else resolve();
    });
  try {
    const job = BenchJob.parse(JSON.parse(jobJson ?? "")) as BenchJob;
    const measurement = await runBenchJob(job, (message) => process.send?.(message));
    await sendAndWait({ type: "result", measurement });
  } catch (error) {
    const message = messageOf(error);
    await sendAndWait({ type: "error", message });
    process.exitCode = 1;
  }
  process.disconnect?.();
}

if (process.argv[2] === "--worker") {
  await workerMain(process.argv[3]);
} else {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (isFactuallyError(error) && error.isUserError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else throw error;
  }
}
