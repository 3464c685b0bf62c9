// The messages between the server's main thread and a check worker, all plain data; errors
// travel as their code, message, target and retryability so the API answers as it would have
// had the job run on the main thread.
import type { Config } from "../config/config.js";
import { type ErrorCode, FactuallyError } from "../core/errors.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import type { CheckJobRequest } from "./check-job.js";
import type { JobResult } from "./check-jobs.js";

/** What a worker is started with (`workerData`). */
export interface CheckWorkerData {
  config: Config;
  /** The SQLite file the server's store has open (never `:memory:`). */
  dbPath: string;
}

export type ToWorker =
  | {
      type: "run";
      job: number;
      request: CheckJobRequest;
      /** A fixed clock for the job (ISO time), when the server's clock is not the real one. */
      at?: string;
    }
  | { type: "cancel"; job: number };

export interface SerialisedError {
  code: ErrorCode;
  message: string;
  target?: string;
  isRetryable: boolean;
}

export type FromWorker =
  | { type: "event"; job: number; event: CheckEvent }
  | { type: "done"; job: number; result: JobResult }
  | { type: "failed"; job: number; error: SerialisedError };

export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof FactuallyError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.target === undefined ? {} : { target: error.target }),
      isRetryable: error.isRetryable,
    };
  }
  return {
    code: "INTERNAL",
    message: error instanceof Error ? error.message : String(error),
    isRetryable: false,
  };
}

export function deserialiseError(error: SerialisedError): FactuallyError {
  return new FactuallyError(error.code, error.message, {
    ...(error.target === undefined ? {} : { target: error.target }),
    isRetryable: error.isRetryable,
  });
}
