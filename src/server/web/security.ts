// What keeps the pages safe to serve: the Content-Security-Policy and companion headers on every
// page (the form posts' same-site check is ../cross-site.ts, shared with the API).
import type { MiddlewareHandler } from "hono";

/** Scripts and styles from this origin only: no inline script, style or event handler runs. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const PAGE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  // `same-origin`, not `no-referrer`: under `no-referrer` a browser posts this site's own forms
  // with `Origin: null`; Chromium adds `Sec-Fetch-Site: same-origin`, which ../cross-site.ts
  // trusts, but from a browser without Sec-Fetch-Site (Safari before 16.4, Firefox before 90)
  // such a post cannot be told from a forged one and is refused. `same-origin` sends our
  // pages' address only to this server, which served it; other sites still get no Referer,
  // as before (and source links carry rel="noreferrer" too).
  "Referrer-Policy": "same-origin",
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
