// Writes that a page on another site could make a browser send are refused (403) before any
// work runs, whatever their body: the rule is ../cross-site.ts, the same as the pages' forms.
import type { MiddlewareHandler } from "hono";
import { isCrossSite, type OwnOrigins } from "../cross-site.js";
import { apiError } from "./api-errors.js";

const READ_ONLY = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Middleware for the writes, after the bearer-token check. A server with a token has already
 * refused every write without it, and the token is a credential no other site's page can make
 * a browser send (a form cannot set Authorization, and a fetch that sets it needs a CORS
 * preflight the server answers only for FACTUALLY_CORS_ORIGINS), so it passes. Without a
 * token, a write comes from this site's pages, a listed CORS origin, or a client that is not
 * a browser. With accounts, authorize.ts asks the same rule of writes made with a session
 * cookie (a credential a browser *does* attach to a forged request), and a CSRF token besides.
 */
export function refuseCrossSite(token: string | undefined, own: OwnOrigins): MiddlewareHandler {
  if (token) return async (_c, next) => next();
  return async (c, next) => {
    if (READ_ONLY.has(c.req.method) || !isCrossSite(c, own)) return next();
    const origin = c.req.header("origin");
    return apiError(
      c,
      "FORBIDDEN",
      `this request was sent by a page on another site (Origin: ${origin ?? "none"}), so it was refused: ` +
        "a browser may change something here only from this site's own pages or from an origin this server lists",
    );
  };
}
