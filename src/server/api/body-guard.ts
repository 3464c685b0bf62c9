// Request bodies are JSON (415 otherwise) and at most `maxBytes` (413): refused on a
// Content-Length that says so, and while reading a body sent without one (chunked).
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { apiError } from "./api-errors.js";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Middleware for routes that take a body: 415 unless JSON, 413 over `maxBytes`. */
export function guardRequestBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = `the request body is larger than ${maxBytes.toLocaleString("en")} bytes, the limit of this server`;
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => apiError(c, "PAYLOAD_TOO_LARGE", tooLarge),
  });
  return async (c, next) => {
    if (!hasBody(c.req.raw)) return next();
    const type = c.req.header("content-type") ?? "";
    if (!JSON_TYPE.test(type)) {
      return apiError(
        c,
        "UNSUPPORTED_MEDIA_TYPE",
        `the request body must be JSON (Content-Type: application/json), not ${type ? JSON.stringify(type) : "untyped"}`,
      );
    }
    return limit(c, next);
  };
}

/** A body is sent when the request says so: a non-zero length or a transfer encoding. */
function hasBody(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  if (request.headers.has("transfer-encoding")) return true;
  const length = request.headers.get("content-length");
  return length !== null && length.trim() !== "0";
}
