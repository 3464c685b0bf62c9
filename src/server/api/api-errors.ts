// Every API error as `{ error: { code, message } }` with its HTTP status: FactuallyErrors by
// their code, the API's own refusals (401, 405, 413, 415) by name; never a stack trace.
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isFactuallyError } from "../../core/errors.js";
import { errorBody, STATUS_OF } from "../http-errors.js";

export type ApiErrorCode = keyof typeof STATUS_OF;

/** Seconds a client should wait when the server's check queue is full (the message says "a minute"). */
export const QUEUE_FULL_RETRY_SECONDS = 60;

/** The JSON error response for `code`, with its status and any extra headers. */
export function apiError(
  c: Context,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const status = (STATUS_OF[code] ?? 500) as ContentfulStatusCode;
  return c.json(errorBody(code, message), status, headers);
}

/** A FactuallyError (or anything thrown) as the JSON error response a client can act on. */
export function errorResponse(c: Context, error: unknown): Response {
  if (isFactuallyError(error) && error.code !== "INTERNAL") {
    const headers: Record<string, string> =
      error.code === "TOO_MANY" ? { "Retry-After": String(QUEUE_FULL_RETRY_SECONDS) } : {};
    return apiError(c, error.code, error.message, headers);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Thrown by Hono's own helpers; the code is the one our table gives that status.
    const code =
      (Object.keys(STATUS_OF) as ApiErrorCode[]).find((k) => STATUS_OF[k] === error.status) ??
      "BAD_INPUT";
    return c.json(
      errorBody(code, error.message || "the request could not be read"),
      error.status as ContentfulStatusCode,
    );
  }
  console.error(error);
  return apiError(
    c,
    "INTERNAL",
    "something went wrong on the server; the request was not completed",
  );
}

export const apiErrorHandler: ErrorHandler = (error, c) => errorResponse(c, error);

/** The body an SSE `error` event carries, with internal faults' details kept in the log. */
export function errorEventBody(error: unknown): ReturnType<typeof errorBody> {
  if (isFactuallyError(error) && error.code !== "INTERNAL")
    return errorBody(error.code, error.message);
  console.error(error);
  return errorBody("INTERNAL", "something went wrong on the server; the check was not completed");
}
