// Every API error as `{ error: { code, message } }` with its HTTP status (see toHttp in
// ../http-errors.ts): FactuallyErrors by their code, the API's own refusals (401, 405, 413, 415)
// by name; never a stack trace.
import type { Context, ErrorHandler } from "hono";
import { errorBody, type HttpErrorCode, statusOf, toHttp } from "../http-errors.js";

export type ApiErrorCode = HttpErrorCode;

/** The JSON error response for `code`, with its status and any extra headers. */
export function apiError(
  c: Context,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return c.json(errorBody(code, message), statusOf(code), headers);
}

/** A FactuallyError (or anything thrown) as the JSON error response a client can act on. */
export function errorResponse(c: Context, error: unknown): Response {
  const http = toHttp(error);
  if (http.log) console.error(error);
  return c.json(errorBody(http.code, http.message), http.status, http.headers);
}

export const apiErrorHandler: ErrorHandler = (error, c) => errorResponse(c, error);

/** The body an SSE `error` event carries, with internal faults' details kept in the log. */
export function errorEventBody(error: unknown): ReturnType<typeof errorBody> {
  const http = toHttp(error, "check");
  if (http.log) console.error(error);
  return errorBody(http.code, http.message);
}
