// Turns whatever a guarded fetch threw into one FactuallyError a caller can branch on.
import { FactuallyError, isFactuallyError, messageOf } from "../../core/errors.js";
import { BlockedAddressError } from "./guarded-agent.js";

/** The signals one fetch runs under, to tell a caller's abort from a timeout from close(). */
export interface FetchSignals {
  caller?: AbortSignal | undefined;
  timeout: AbortSignal;
  closed: AbortSignal;
  timeoutMs: number;
}

/** BLOCKED_URL: the fetch was refused because of where `url` leads. */
export function blockedUrl(url: string, reason: string, cause?: unknown): FactuallyError {
  return new FactuallyError("BLOCKED_URL", `${url}: ${reason}`, { target: url, cause });
}

/** PROVIDER_FAILED for a final HTTP error status; retryable for 408, 429 and 5xx. */
export function httpStatusError(url: string, status: number): FactuallyError {
  const isRetryable = status === 408 || status === 429 || status >= 500;
  return new FactuallyError("PROVIDER_FAILED", `${url}: the server answered HTTP ${status}`, {
    target: url,
    isRetryable,
  });
}

/** The FactuallyError for `error`, thrown while fetching `url`. */
export function toFetchError(error: unknown, url: string, signals: FetchSignals): FactuallyError {
  if (isFactuallyError(error)) return error;
  const blocked = findBlocked(error);
  if (blocked !== undefined) return blockedUrl(url, blocked.message, error);
  if (signals.caller?.aborted === true) {
    return new FactuallyError("ABORTED", `${url}: the fetch was cancelled`, {
      target: url,
      cause: error,
    });
  }
  if (signals.closed.aborted) {
    return new FactuallyError("ABORTED", `${url}: the fetcher was closed`, {
      target: url,
      cause: error,
    });
  }
  if (signals.timeout.aborted) {
    return new FactuallyError(
      "TIMEOUT",
      `${url}: no complete answer within ${signals.timeoutMs} ms`,
      {
        target: url,
        cause: error,
        isRetryable: true,
      },
    );
  }
  const code = errorCode(error);
  const detail = messageOf(error);
  return new FactuallyError("PROVIDER_FAILED", `${url}: ${detail}${code ? ` (${code})` : ""}`, {
    target: url,
    cause: error,
    // A name that does not resolve will not resolve in a moment either; a reset connection may.
    isRetryable: code !== undefined && code !== "ENOTFOUND",
  });
}

function findBlocked(error: unknown): BlockedAddressError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof BlockedAddressError) return current;
    if (current instanceof AggregateError) {
      const inner = current.errors.find((entry) => entry instanceof BlockedAddressError);
      if (inner !== undefined) return inner;
    }
    current = current.cause;
  }
  return undefined;
}

/** The `code` property of an error (Node and undici set one), if it is a string. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

// Failures of reaching the host at all (name, route, refused or reset connection), as Node names them.
const UNREACHABLE = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Why the host behind a failed fetch could not be reached at all ("getaddrinfo ENOTFOUND x"),
 * or undefined when it answered or the failure was something else.
 */
export function unreachableReason(error: unknown): string | undefined {
  if (isFactuallyError(error) && error.code === "TIMEOUT")
    return error.message.replace(/^\S+: /, "");
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = errorCode(current);
    if (code !== undefined && UNREACHABLE.has(code)) return messageOf(current);
    current = current.cause;
  }
  return undefined;
}
