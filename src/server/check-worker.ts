// A worker thread that runs check jobs for the server (worker-pool.ts starts it): its own engine
// over the server's SQLite file (WAL, so it reads and writes beside the main thread's), with its
// own model handle and sources, kept for the thread's life so models load once. Each job's
// events are posted back as they happen; a `cancel` aborts that job.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { type Engine, openEngine } from "../assemble/engine.js";
import { analyze } from "../text/nlp.js";
import { runCheckJob } from "./check-job.js";
import { threadPacers } from "./thread-pacers.js";
import {
  type CancelJob,
  type CheckWorkerData,
  type CloseWorker,
  type FromWorker,
  type RunJob,
  serialiseError,
} from "./worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("check-worker.js runs as a worker thread of the server");
const { config, dbPath, cancels, paces } = workerData as CheckWorkerData;
const running = new Map<number, AbortController>();
/** Cancels that came before their job (the two travel on different ports). */
const early = new Set<number>();
let engine: Promise<Engine> | undefined;

const post = (message: FromWorker) => port.postMessage(message);

/** The engine, opened once (a failure fails the job asking, and the next retries). */
function opened(): Promise<Engine> {
  engine ??= (async () => {
    // The model's and the search providers' paces are the pool's, not this thread's alone.
    const made = await openEngine({ ...config, db: dbPath }, { pacers: threadPacers(paces) });
    // Stages (and the configured model) load on first use; load them now, with the NLP model
    // (~100 ms), rather than in the first check.
    await made.stages();
    analyze("Vitamin D supplements reduce influenza in schoolchildren.");
    return made;
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

function cancel({ job }: CancelJob): void {
  const controller = running.get(job);
  if (controller) controller.abort();
  else early.add(job);
}

/**
 * Reads the cancels that came while this thread computed. A check's stages run without giving
 * the thread back, so a `message` event would wait for the whole check; the pipeline emits an
 * event at each stage and stops at the next one once its signal is aborted.
 */
function readCancels(): void {
  for (let got = receiveMessageOnPort(cancels); got; got = receiveMessageOnPort(cancels)) {
    cancel(got.message as CancelJob);
  }
}

/** Jobs still running, so a close can wait for them to end. */
const jobs = new Set<Promise<void>>();

async function run(message: RunJob): Promise<void> {
  const controller = new AbortController();
  running.set(message.job, controller);
  if (early.delete(message.job)) controller.abort();
  const { at } = message;
  try {
    const result = await runCheckJob(await opened(), message.request, {
      signal: controller.signal,
      onEvent: (event) => {
        post({ type: "event", job: message.job, event });
        readCancels();
      },
      ...(at ? { now: () => new Date(at) } : {}),
    });
    post({ type: "done", job: message.job, result });
  } catch (error) {
    post({ type: "failed", job: message.job, error: serialiseError(error) });
  } finally {
    running.delete(message.job);
  }
}

// Opened as the thread starts, so the first job does not wait; a failure is the first job's.
opened().catch(() => {});

/** Ends the thread once its jobs have ended, with its engine (its database connection) closed. */
async function close(): Promise<void> {
  for (const controller of running.values()) controller.abort();
  await Promise.allSettled(jobs);
  const made = await engine?.catch(() => undefined);
  await made?.close().catch(() => {});
  process.exit(0);
}

port.on("message", (message: RunJob | CloseWorker) => {
  if (message.type === "close") {
    void close();
    return;
  }
  const job = run(message);
  jobs.add(job);
  void job.finally(() => jobs.delete(job));
});
cancels.on("message", cancel);
