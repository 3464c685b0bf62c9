// The one error type of Factually: a code a caller can branch on, a message a user can act on.

/** What went wrong, in terms a caller can decide on. */
export type ErrorCode =
  | "BAD_INPUT"
  | "BAD_CONFIG"
  | "NOT_FOUND"
  /** The thing is busy (a check already running); try again when it is done. */
  | "CONFLICT"
  | "STORE_FAILED"
  | "PROVIDER_FAILED"
  | "PARSE_FAILED"
  | "BLOCKED_URL"
  | "TIMEOUT"
  /** Too many requests or checks at once; try again later (HTTP 429). */
  | "TOO_MANY"
  /** The check spent its model budget (calls or tokens); the stage falls back. */
  | "BUDGET_EXHAUSTED"
  | "ABORTED"
  | "INTERNAL";

export interface FactuallyErrorOptions {
  cause?: unknown;
  /** The file, URL or id the error is about, when there is one. */
  target?: string;
  isRetryable?: boolean;
}

/** An error with a code, a message that says what to do next, and the facts behind it. */
export class FactuallyError extends Error {
  readonly code: ErrorCode;
  readonly target: string | undefined;
  readonly isRetryable: boolean;

  constructor(code: ErrorCode, message: string, options: FactuallyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FactuallyError";
    this.code = code;
    this.target = options.target;
    this.isRetryable = options.isRetryable ?? false;
  }

  /** Whether the error is the user's to fix (input or configuration), as opposed to a fault. */
  get isUserError(): boolean {
    return this.code === "BAD_INPUT" || this.code === "BAD_CONFIG" || this.code === "NOT_FOUND";
  }
}

/** True when `error` is a FactuallyError (also across module copies). */
export function isFactuallyError(error: unknown): error is FactuallyError {
  return error instanceof FactuallyError;
}
