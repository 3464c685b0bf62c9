// When the server has an API token, every request that changes something (anything but GET,
// HEAD and OPTIONS) must carry it as `Authorization: Bearer <token>` (RFC 6750).
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { apiError } from "./api-errors.js";

const READ_ONLY = new Set(["GET", "HEAD", "OPTIONS"]);

/** Middleware refusing writes without the token (401); a no-op when no token is set. */
export function requireBearerToken(token: string | undefined): MiddlewareHandler {
  if (!token) return async (_c, next) => next();
  const expected = digest(token);
  return async (c, next) => {
    if (READ_ONLY.has(c.req.method)) return next();
    const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    // Digests of equal length, compared in constant time: neither the token's characters
    // nor its length leak through timing.
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    return apiError(
      c,
      "UNAUTHORIZED",
      given === undefined
        ? "this server needs an API token for this request: send Authorization: Bearer <token>"
        : "the API token is not the one this server was given",
      { "WWW-Authenticate": 'Bearer realm="factually"' },
    );
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
