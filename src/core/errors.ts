// The one error type of Factually: a code a caller can branch on, a message a user can act on.

/** What went wrong, in terms a caller can decide on. */
export type ErrorCode =
  | "BAD_INPUT"
  | "BAD_CONFIG"
  | "NOT_FOUND"
  /** The thing is busy (a check already running); try again when it is done. */
  | "CONFLICT"
  | "STORE_FAILED"
  /** The database file is damaged (SQLITE_CORRUPT): restore a backup or check its integrity. */
  | "STORE_DAMAGED"
  /** A write was refused: the database file, its folder or its disk is read-only. */
  | "STORE_READ_ONLY"
  /** The disk (or the database's size limit) is full; nothing of the failed write was kept. */
  | "STORE_FULL"
  /** Another process held the database locked for longer than the busy timeout. */
  | "STORE_BUSY"
  | "PROVIDER_FAILED"
  | "PARSE_FAILED"
  | "BLOCKED_URL"
  | "TIMEOUT"
  /** Too many requests or checks at once; try again later (HTTP 429). */
  | "TOO_MANY"
  /**
   * A service shared by the server's processes (Redis: the job queue, the shared limits) cannot
   * be reached; try again later (HTTP 503).
   */
  | "UNAVAILABLE"
  /** The check spent its model budget (calls or tokens); the stage falls back. */
  | "BUDGET_EXHAUSTED"
  | "ABORTED"
  | "INTERNAL";

/** What kind of thing `target` is, so each edge can add its own advice (a CLI flag, a link). */
export type ErrorSubject = "database" | "check" | "check-version";

export interface FactuallyErrorOptions {
  cause?: unknown;
  /** The file, URL or id the error is about, when there is one. */
  target?: string;
  /** What `target` is. */
  subject?: ErrorSubject;
  isRetryable?: boolean;
}

// A registry symbol, so two copies of this module (a bundled library and ours) agree on it.
const BRAND = Symbol.for("factually.FactuallyError");

const STORE_FAULTS: ReadonlySet<ErrorCode> = new Set([
  "STORE_DAMAGED",
  "STORE_READ_ONLY",
  "STORE_FULL",
  "STORE_BUSY",
]);

/** An error with a code, a message that says what to do next, and the facts behind it. */
export class FactuallyError extends Error {
  readonly code: ErrorCode;
  readonly target: string | undefined;
  readonly subject: ErrorSubject | undefined;
  readonly isRetryable: boolean;

  constructor(code: ErrorCode, message: string, options: FactuallyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FactuallyError";
    this.code = code;
    this.target = options.target;
    this.subject = options.subject;
    this.isRetryable = options.isRetryable ?? false;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a FactuallyError from any copy of this module (`instanceof` sees only its own). */
  static isInstance(error: unknown): error is FactuallyError {
    return typeof error === "object" && error !== null && BRAND in error;
  }

  /** Whether the database failed (damaged, read-only, full, busy): fatal to any run, never a provider's fault. */
  get isStoreFault(): boolean {
    return STORE_FAULTS.has(this.code);
  }

  /** Whether the error is the user's to fix (input or configuration), as opposed to a fault. */
  get isUserError(): boolean {
    return this.code === "BAD_INPUT" || this.code === "BAD_CONFIG" || this.code === "NOT_FOUND";
  }
}

/** True when `error` is a FactuallyError (also across module copies). */
export function isFactuallyError(error: unknown): error is FactuallyError {
  return FactuallyError.isInstance(error);
}

/** The message of anything thrown: an Error's message, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
