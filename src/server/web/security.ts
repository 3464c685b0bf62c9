// What keeps the pages safe to serve: the Content-Security-Policy and companion headers on every
// page, a same-origin check on form posts (CSRF), and a per-client limit on checks started.
import type { Context, MiddlewareHandler } from "hono";

/** Scripts and styles from this origin only: no inline script, style or event handler runs. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const PAGE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};

/** Adds the security headers to every page response (the API under /api sets its own). */
export const pageHeaders: MiddlewareHandler = async (c, next) => {
  if (c.req.path === "/api" || c.req.path.startsWith("/api/")) return next();
  await next();
  for (const [name, value] of Object.entries(PAGE_HEADERS)) c.res.headers.set(name, value);
  if (
    c.res.headers.get("content-type")?.startsWith("text/html") &&
    !c.res.headers.has("cache-control")
  )
    c.res.headers.set("Cache-Control", "no-cache");
};

/**
 * Whether a form post comes from another site. Browsers send Origin (or at least
 * Sec-Fetch-Site) with every POST; a client that sends neither is not a browser, so it cannot
 * be a victim of cross-site request forgery. The host is compared, not the scheme, so a server
 * behind a TLS-terminating proxy still recognises its own pages.
 */
export function isCrossSitePost(c: Context, baseUrl: string | undefined): boolean {
  const origin = c.req.header("origin");
  if (origin !== undefined) {
    const hosts = new Set([new URL(c.req.url).host, c.req.header("host")]);
    if (baseUrl) hosts.add(new URL(baseUrl).host);
    try {
      return !hosts.has(new URL(origin).host);
    } catch {
      return true; // "null" (a sandboxed or privacy-sensitive context) or garbage
    }
  }
  const site = c.req.header("sec-fetch-site");
  return site !== undefined && site !== "same-origin" && site !== "none";
}
