// A worker thread that runs check jobs for the server (worker-pool.ts starts it): its own
// connection to the server's SQLite file (WAL, so it reads and writes beside the main thread's),
// its own model handle and sources, kept for the thread's life so models load once. Each job's
// events are posted back as they happen; a `cancel` aborts that job.
import { parentPort, workerData } from "node:worker_threads";
import type { ModelHandle } from "../llm/model-caller.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { createJobWiring, type JobWiring, runCheckJob } from "./check-job.js";
import {
  type CheckWorkerData,
  type FromWorker,
  serialiseError,
  type ToWorker,
} from "./worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("check-worker.js runs as a worker thread of the server");
const { config, dbPath } = workerData as CheckWorkerData;
const running = new Map<number, AbortController>();
let wiring: Promise<JobWiring> | undefined;

const post = (message: FromWorker) => port.postMessage(message);

/** The store, model and sources, opened on the first job (a failure fails that job, then retries). */
function wired(): Promise<JobWiring> {
  wiring ??= (async () => {
    let model: ModelHandle | undefined;
    if (config.llm) {
      const { modelHandleFor } = await import("../llm/providers.js");
      model = await modelHandleFor(config.llm);
    }
    return createJobWiring({ config, store: openSqliteStore(dbPath), model });
  })();
  wiring.catch(() => {
    wiring = undefined;
  });
  return wiring;
}

async function run(message: Extract<ToWorker, { type: "run" }>): Promise<void> {
  const controller = new AbortController();
  running.set(message.job, controller);
  const { at } = message;
  try {
    const result = await runCheckJob(await wired(), message.request, {
      signal: controller.signal,
      onEvent: (event) => post({ type: "event", job: message.job, event }),
      ...(at ? { now: () => new Date(at) } : {}),
    });
    post({ type: "done", job: message.job, result });
  } catch (error) {
    post({ type: "failed", job: message.job, error: serialiseError(error) });
  } finally {
    running.delete(message.job);
  }
}

// Opened before the first job arrives; a failure here is reported by that job.
wired().catch(() => {});

port.on("message", (message: ToWorker) => {
  if (message.type === "run") void run(message);
  else running.get(message.job)?.abort();
});
