// Worker threads that run check jobs off the server's event loop, so requests and SSE streams
// are answered while a check computes. The job queue (check-jobs.ts) stays on the main thread
// and bounds how many jobs run; the pool hands each to the worker with the fewest jobs (a worker
// runs several at once: a check waiting on the web or a model leaves its thread idle). A worker
// that dies fails its jobs with a clear error and is replaced on the next job (not at once, so a
// worker that cannot start does not restart in a loop).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { Config } from "../config/config.js";
import { FactuallyError } from "../core/errors.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import type { CheckJobRequest } from "./check-job.js";
import type { JobResult } from "./check-jobs.js";
import { createPaceTable } from "./thread-pacers.js";
import {
  type CancelJob,
  type CheckWorkerData,
  type CloseWorker,
  deserialiseError,
  type FromWorker,
  type RunJob,
} from "./worker-protocol.js";

/** How long a stopping worker may take to end its jobs and close its engine before it is ended. */
const CLOSE_GRACE_MS = 10_000;

export interface CheckWorkerPoolOptions {
  config: Config;
  /** The SQLite file the server's store has open; each worker opens its own connection to it. */
  dbPath: string;
  /** Worker threads (at least 1). */
  size: number;
  /** The built worker entry; `checkWorkerFile()` by default. */
  workerFile?: string;
}

export interface PooledJobOptions {
  onEvent: (event: CheckEvent) => void;
  signal: AbortSignal;
  /** A fixed clock for the job (a test's clock cannot cross to the worker). */
  at?: Date;
}

export interface CheckWorkerPool {
  readonly size: number;
  /** Workers running now (one that died is replaced when the next job comes). */
  live(): number;
  /** Runs `request` on a worker; rejects with the job's FactuallyError. */
  run(request: CheckJobRequest, options: PooledJobOptions): Promise<JobResult>;
  /** Stops every worker; jobs still running fail as ABORTED. */
  close(): Promise<void>;
}

/**
 * The built worker entry (`dist/server/check-worker.js`), or undefined when it is not built.
 * Under vitest this module runs from its .ts source, which a worker cannot load without a
 * loader, so tests use the built file (`npm run build` first).
 */
export function checkWorkerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith(".ts")
    ? fileURLToPath(new URL("../../dist/server/check-worker.js", import.meta.url))
    : fileURLToPath(new URL("./check-worker.js", import.meta.url));
  return existsSync(file) ? file : undefined;
}

interface PendingJob {
  onEvent: (event: CheckEvent) => void;
  resolve: (result: JobResult) => void;
  reject: (error: FactuallyError) => void;
}

interface Slot {
  worker: Worker;
  /** The pool's end of the worker's cancel port. */
  cancels: MessagePort;
  jobs: Map<number, PendingJob>;
}

export function createCheckWorkerPool(options: CheckWorkerPoolOptions): CheckWorkerPool {
  const file = options.workerFile ?? checkWorkerFile();
  if (!file) {
    throw new FactuallyError(
      "BAD_CONFIG",
      "the check worker (dist/server/check-worker.js) is not built; run `npm run build`",
    );
  }
  const size = Math.max(1, Math.floor(options.size));
  const slots: Array<Slot | undefined> = Array.from({ length: size }, () => undefined);
  // One table for the pool's life: a worker started after one died keeps the same paces.
  const paces = createPaceTable();
  let nextJob = 1;
  let closed = false;

  const start = (index: number): Slot => {
    const { port1, port2 } = new MessageChannel();
    const workerData: CheckWorkerData = {
      config: options.config,
      dbPath: options.dbPath,
      cancels: port2,
      paces,
    };
    const worker = new Worker(file, { workerData, transferList: [port2] });
    const slot: Slot = { worker, cancels: port1, jobs: new Map() };
    slot.worker.on("message", (message: FromWorker) => {
      const job = slot.jobs.get(message.job);
      if (!job) return;
      if (message.type === "event") return job.onEvent(message.event);
      slot.jobs.delete(message.job);
      if (message.type === "done") job.resolve(message.result);
      else job.reject(deserialiseError(message.error));
    });
    const stopped = (why: string) => {
      if (slots[index] === slot) slots[index] = undefined;
      slot.cancels.close();
      const fault = closed
        ? new FactuallyError("ABORTED", "the server stopped before the check finished")
        : new FactuallyError(
            "INTERNAL",
            // Its run lock lapses a minute after its last heartbeat (LEASE_MS), not at once.
            `the worker thread running this check stopped (${why}); nothing was stored — run the check again in a minute`,
          );
      for (const job of slot.jobs.values()) job.reject(fault);
      slot.jobs.clear();
    };
    slot.worker.on("error", (error) => stopped(error.message));
    slot.worker.on("exit", (code) => stopped(`exit code ${code}`));
    slots[index] = slot;
    return slot;
  };

  /**
   * Asks a worker to end (its jobs cancelled, its engine closed) and waits for it; terminates it
   * only if it has not ended after CLOSE_GRACE_MS (a stage that never reaches its next event).
   */
  const stop = (slot: Slot): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => void slot.worker.terminate(), CLOSE_GRACE_MS);
      slot.worker.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      for (const job of slot.jobs.keys()) slot.cancels.postMessage({ job } satisfies CancelJob);
      slot.worker.postMessage({ type: "close" } satisfies CloseWorker);
    });

  // Started now so the first check does not wait for a thread to boot and load the pipeline
  // (a check sent to a new worker shows its first event after ~1 s on an idle 2-core machine,
  // ~2.5 s under npm run bench:responsive; ~20 ms once the worker is up).
  for (let index = 0; index < size; index++) start(index);

  /** The live worker with the fewest jobs; a place whose worker died gets a new one. */
  const pick = (): Slot => {
    const empty = slots.indexOf(undefined);
    if (empty >= 0) return start(empty);
    let best = slots[0] as Slot;
    for (const slot of slots) if (slot && slot.jobs.size < best.jobs.size) best = slot;
    return best;
  };

  return {
    size,
    live: () => slots.filter((slot) => slot !== undefined).length,
    run(request, { onEvent, signal, at }) {
      if (closed) {
        return Promise.reject(new FactuallyError("ABORTED", "the server is stopping"));
      }
      const slot = pick();
      const job = nextJob++;
      return new Promise<JobResult>((resolve, reject) => {
        const cancel = () => slot.cancels.postMessage({ job } satisfies CancelJob);
        const settle = () => signal.removeEventListener("abort", cancel);
        slot.jobs.set(job, {
          onEvent,
          resolve: (result) => {
            settle();
            resolve(result);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        });
        const message: RunJob = {
          type: "run",
          job,
          request,
          ...(at ? { at: at.toISOString() } : {}),
        };
        slot.worker.postMessage(message);
        if (signal.aborted) cancel();
        else signal.addEventListener("abort", cancel, { once: true });
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => (slot ? stop(slot) : undefined)));
    },
  };
}
