// Errors as HTTP: FactuallyError codes as statuses, the one JSON error body every API error
// uses, and `toHttp`, the one translation the API, the pages and the event stream share.
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, isFactuallyError } from "../core/errors.js";

export const STATUS_OF: Record<
  | ErrorCode
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "MISDIRECTED",
  ContentfulStatusCode
> = {
  BAD_INPUT: 400,
  BAD_CONFIG: 500,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORE_FAILED: 500,
  STORE_DAMAGED: 500,
  // Reading still works; writing cannot until the operator acts (RFC 9110 §15.6.4).
  STORE_READ_ONLY: 503,
  // Insufficient Storage (RFC 4918 §11.5): the server cannot store what the request needs.
  STORE_FULL: 507,
  STORE_BUSY: 503,
  PROVIDER_FAILED: 502,
  PARSE_FAILED: 502,
  BLOCKED_URL: 400,
  TIMEOUT: 504,
  // nginx's "client closed request": no standard status says it, so Hono's type lacks it.
  ABORTED: 499 as ContentfulStatusCode,
  TOO_MANY: 429,
  UNAVAILABLE: 503,
  BUDGET_EXHAUSTED: 500,
  INTERNAL: 500,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  // A write a page on another site sent (cross-site request forgery); see cross-site.ts.
  FORBIDDEN: 403,
  // Misdirected Request (RFC 9110 §15.5.20): this server does not answer for that host name.
  MISDIRECTED: 421,
};

export type HttpErrorCode = keyof typeof STATUS_OF;

/** Seconds a client should wait when the server's check queue is full (the message says "a minute"). */
export const QUEUE_FULL_RETRY_SECONDS = 60;

/** Seconds to wait when another process holds the database (its busy timeout is 5 s). */
export const STORE_BUSY_RETRY_SECONDS = 5;

/** An error as a client sees it: never a stack trace, a server path or a CLI flag. */
export interface HttpError {
  status: ContentfulStatusCode;
  code: HttpErrorCode;
  message: string;
  headers: Record<string, string>;
  /** The operator must see it in the log: an internal fault, or a database that needs care. */
  log: boolean;
}

/** The status of `code`. */
export function statusOf(code: HttpErrorCode): ContentfulStatusCode {
  return STATUS_OF[code] ?? 500;
}

// The store's messages name the file; a client is told what happened and what the operator must do.
const STORE_FAULT_MESSAGE: Partial<Record<ErrorCode, string>> = {
  STORE_DAMAGED:
    "the server's database is damaged; its operator should check it (PRAGMA integrity_check) or restore a backup",
  STORE_READ_ONLY:
    "the server's database is read-only, so nothing can be saved; stored checks can still be read",
  STORE_FULL:
    "the server's disk is full; nothing was saved — try again once its operator has freed space",
  STORE_BUSY: "the server's database is busy; try again in a few seconds",
};

/** Anything thrown as its HTTP status, code, client message and headers; `what` names what failed. */
export function toHttp(error: unknown, what: "request" | "check" = "request"): HttpError {
  if (isFactuallyError(error) && error.code !== "INTERNAL") {
    const storeMessage = STORE_FAULT_MESSAGE[error.code];
    const headers: Record<string, string> =
      error.code === "TOO_MANY"
        ? { "Retry-After": String(QUEUE_FULL_RETRY_SECONDS) }
        : error.code === "STORE_BUSY"
          ? { "Retry-After": String(STORE_BUSY_RETRY_SECONDS) }
          : {};
    return {
      status: statusOf(error.code),
      code: error.code,
      message: storeMessage ?? error.message,
      headers,
      // The operator must act on a damaged file or a full disk; read-only was said at start-up.
      log: error.code === "STORE_DAMAGED" || error.code === "STORE_FULL",
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Thrown by Hono's own helpers; the code is the one our table gives that status.
    const code =
      (Object.keys(STATUS_OF) as HttpErrorCode[]).find((k) => STATUS_OF[k] === error.status) ??
      "BAD_INPUT";
    return {
      status: error.status as ContentfulStatusCode,
      code,
      message: error.message || "the request could not be read",
      headers: {},
      log: false,
    };
  }
  return {
    status: 500,
    code: "INTERNAL",
    message: `something went wrong on the server; the ${what} was not completed`,
    headers: {},
    log: true,
  };
}

/** `{ error: { code, message } }`: what every API error answers with. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
