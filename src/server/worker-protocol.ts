// The messages between the server's main thread and a check worker, all plain data; errors
// travel as their code, message, target and retryability so the API answers as it would have
// had the job run on the main thread.
import type { MessagePort } from "node:worker_threads";
import type { Config } from "../config/config.js";
import { type ErrorCode, type ErrorSubject, FactuallyError, messageOf } from "../core/errors.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import type { CheckJobRequest } from "./check-job.js";
import type { JobResult } from "./check-jobs.js";

/** What a worker is started with (`workerData`). */
export interface CheckWorkerData {
  config: Config;
  /** The SQLite file the server's store has open (never `:memory:`). */
  dbPath: string;
  /** Where cancels arrive (`CancelJob`), apart from the jobs so they can be read mid-check. */
  cancels: MessagePort;
  /** The pool's pace table (`thread-pacers.ts`): every worker keeps each quota's one pace. */
  paces: SharedArrayBuffer;
}

/** Stop job `job`: its signal is aborted and it fails as ABORTED at its next stage. */
export interface CancelJob {
  job: number;
}

/** Run `request` as job `job` (numbered by the pool). */
export interface RunJob {
  type: "run";
  job: number;
  request: CheckJobRequest;
  /** A fixed clock for the job (ISO time), when the server's clock is not the real one. */
  at?: string;
}

/**
 * Stop: the worker lets its jobs end (they were cancelled), closes its engine and ends. Ending a
 * thread from outside while it is inside a native call (SQLite raising an error on a damaged
 * file, say) can abort the whole process, so the pool asks first and terminates only after a
 * grace period.
 */
export interface CloseWorker {
  type: "close";
}

export interface SerialisedError {
  code: ErrorCode;
  message: string;
  target?: string;
  subject?: ErrorSubject;
  isRetryable: boolean;
}

export type FromWorker =
  | { type: "event"; job: number; event: CheckEvent }
  | { type: "done"; job: number; result: JobResult }
  | { type: "failed"; job: number; error: SerialisedError };

export function serialiseError(error: unknown): SerialisedError {
  if (FactuallyError.isInstance(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.target === undefined ? {} : { target: error.target }),
      ...(error.subject === undefined ? {} : { subject: error.subject }),
      isRetryable: error.isRetryable,
    };
  }
  return { code: "INTERNAL", message: messageOf(error), isRetryable: false };
}

export function deserialiseError(error: SerialisedError): FactuallyError {
  return new FactuallyError(error.code, error.message, {
    ...(error.target === undefined ? {} : { target: error.target }),
    ...(error.subject === undefined ? {} : { subject: error.subject }),
    isRetryable: error.isRetryable,
  });
}
