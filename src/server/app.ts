// The one Hono application: the JSON API under /api and the server-rendered pages, behind the
// Host check (421 for a name the server does not answer to) and security headers; every error
// becomes a JSON body (API) or an error page (pages), never a stack trace.
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { identify } from "./accounts/principal.js";
import { hostPolicy } from "./allowed-hosts.js";
import { apiError, errorResponse } from "./api/api-errors.js";
import { createApiRoutes } from "./api/routes.js";
import type { ServerContext } from "./context.js";
import { errorPage } from "./web/error-page.js";
import { createWebRoutes } from "./web/routes.js";
import { CONTENT_SECURITY_POLICY } from "./web/security.js";

export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.use("*", noSniff);
  app.use("*", checkHost(ctx));
  app.use("*", identify(ctx));
  app.route("/api", createApiRoutes(ctx));
  app.route("/", createWebRoutes(ctx));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

/** Every response, API or page, error or not: browsers must not guess another content type. */
const noSniff: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set("X-Content-Type-Options", "nosniff");
};

/** 421 for a Host the server does not answer to, before any handler or body is read. */
function checkHost(ctx: ServerContext): MiddlewareHandler {
  const { server, baseUrl } = ctx.config;
  const policy = hostPolicy(server.allowedHosts, baseUrl);
  return async (c, next) => {
    const host = c.req.header("host");
    if (policy.allows(host)) return next();
    return misdirected(c, host ?? "", ctx.version);
  };
}

function misdirected(c: Context, host: string, appVersion: string): Response {
  const shown = JSON.stringify(host.slice(0, 100));
  const message = `this server does not answer for the host ${shown}; if it should, add it to FACTUALLY_ALLOWED_HOSTS (or set FACTUALLY_BASE_URL to its public address)`;
  if (c.req.path === "/api" || c.req.path.startsWith("/api/")) {
    return apiError(c, "MISDIRECTED", message);
  }
  const body = errorPage({ status: 421, title: "Wrong address", message, appVersion });
  return c.html(body, 421, {
    "Cache-Control": "no-store",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  });
}
