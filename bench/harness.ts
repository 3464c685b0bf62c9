// Runs each measurement in a child process with a heap cap and a time budget, so a run that
// runs out of memory or time becomes a line in the report instead of the end of the benchmark.
import { fork } from "node:child_process";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { engineDisplayName } from "./bench-engine.ts";
import type {
  BenchJob,
  BenchMeasurement,
  BenchProgress,
  IngestMeasurement,
  RunOutcome,
  WorkerMessage,
} from "./bench-result.ts";
import { corpusLabel, formatSize } from "./corpus-source.ts";
import { summarizeLatencies } from "./stats.ts";

export interface ChildLimits {
  timeoutSeconds: number;
  /** V8's --max-old-space-size for the worker, in MB. */
  maxOldSpaceMb: number;
}

// V8 prints one of these to stderr just before it aborts on a full heap.
const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit|Allocation failed/i;
// Enough of the worker's stderr to find the OOM banner or the last error line.
const STDERR_TAIL_CHARS = 8_000;

/** The entry point (bench/run.ts) started again with `--worker`. */
const WORKER_SCRIPT = fileURLToPath(new URL("./run.ts", import.meta.url));

export function runInChild(
  job: BenchJob,
  limits: ChildLimits,
  onProgress: (progress: BenchProgress) => void,
): Promise<RunOutcome> {
  const child = fork(WORKER_SCRIPT, ["--worker", JSON.stringify(job)], {
    execArgv: ["--expose-gc", `--max-old-space-size=${limits.maxOldSpaceMb}`],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stderrTail = "";
  // The worker's output is diagnostics: it goes to our stderr, never into our stdout.
  const forward = (stream: Readable | null, keep: boolean) =>
    stream?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (keep) stderrTail = (stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
    });
  forward(child.stdout, false);
  forward(child.stderr, true);

  let measurement: BenchMeasurement | undefined;
  let ingest: IngestMeasurement | undefined;
  const latencies: number[] = [];
  let workerError: string | undefined;
  let lastProgress: BenchProgress | undefined;
  child.on("message", (message: WorkerMessage) => {
    if (message.type === "progress") {
      lastProgress = message.progress;
      onProgress(message.progress);
    } else if (message.type === "ingested") ingest = message.ingest;
    else if (message.type === "latencies") latencies.push(...message.values);
    else if (message.type === "result") measurement = message.measurement;
    else workerError = message.message;
  });

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, limits.timeoutSeconds * 1000);

  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (measurement && !timedOut) {
        resolve({ status: "ok", measurement });
        return;
      }
      const at = `at ${sizeLabel(job)}`;
      const when = progressNote(lastProgress);
      // What was measured before the end still stands: ingest figures, the queries timed so far.
      const partial = {
        engine: job.engine,
        corpus: corpusLabel(job.corpus),
        ...(lastProgress ? { lastProgress } : {}),
        ...(ingest ? { ingest } : {}),
        ...(latencies.length > 0 ? { partialQuery: summarizeLatencies(latencies) } : {}),
      };
      if (timedOut) {
        // The heap tells a slow engine from one stuck collecting garbage near its cap.
        const heap = lastProgress
          ? `, heap ${megabytes(lastProgress.heapUsedBytes)} of ${limits.maxOldSpaceMb} MB`
          : "";
        const reason = `timed out ${at} after ${limits.timeoutSeconds} s${when}${heap}`;
        resolve({ status: "timed-out", reason, ...partial });
      } else if (HEAP_EXHAUSTED.test(stderrTail)) {
        const reason = `out of memory ${at} (heap cap ${limits.maxOldSpaceMb} MB)${when}`;
        resolve({ status: "out-of-memory", reason, ...partial });
      } else if (signal === "SIGKILL") {
        // Nobody here sent it: the kernel's OOM killer is the usual sender.
        const reason = `killed by the system ${at} (likely out of memory)${when}`;
        resolve({ status: "out-of-memory", reason, ...partial });
      } else {
        const detail = workerError ?? lastLine(stderrTail) ?? `exit code ${code}, signal ${signal}`;
        resolve({ status: "failed", reason: `failed ${at}${when}: ${detail}`, ...partial });
      }
    });
  });
}

/** "1M" for synthetic corpora, the corpus name otherwise. */
function sizeLabel(job: BenchJob): string {
  return job.corpus.kind === "synthetic" ? formatSize(job.corpus.size) : corpusLabel(job.corpus);
}

function progressNote(progress: BenchProgress | undefined): string {
  if (!progress) return "";
  if (progress.phase === "load") return ", while loading the corpus";
  if (progress.phase === "query") {
    return `, while querying (${progress.done} of ${progress.total} queries timed)`;
  }
  const docs = `${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")}`;
  return `, during ingest after ${docs} docs`;
}

function lastLine(text: string): string | undefined {
  return text.trim().split("\n").at(-1) || undefined;
}

/** A one-line progress report for stderr. */
export function describeProgress(job: BenchJob, progress: BenchProgress): string {
  const heap = `heap ${megabytes(progress.heapUsedBytes)} MB`;
  const name = `${engineDisplayName(job.engine)} × ${corpusLabel(job.corpus)}`;
  if (progress.phase === "load") return `[${name}] loading corpus`;
  const unit = progress.phase === "ingest" ? "docs ingested" : "queries run";
  const count = `${progress.done.toLocaleString("en-US")}/${progress.total.toLocaleString("en-US")}`;
  return `[${name}] ${count} ${unit} (${heap})`;
}

function megabytes(bytes: number): string {
  return Math.round(bytes / 2 ** 20).toLocaleString("en-US");
}
