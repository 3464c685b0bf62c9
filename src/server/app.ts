// The one Hono application: the JSON API under /api and the server-rendered pages, behind
// security headers; every error becomes a JSON body (API) or an error page (pages), never a
// stack trace.
import { Hono } from "hono";
import { errorResponse } from "./api/api-errors.js";
import { createApiRoutes } from "./api/routes.js";
import type { ServerContext } from "./context.js";
import { createWebRoutes } from "./web/routes.js";

export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.route("/api", createApiRoutes(ctx));
  app.route("/", createWebRoutes(ctx));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
