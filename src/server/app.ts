// The one Hono application: the JSON API under /api and the server-rendered pages, behind
// security headers; every error becomes a JSON body (API) or an error page (pages), never a
// stack trace.
import { Hono } from "hono";
import { isFactuallyError } from "../core/errors.js";
import { createApiRoutes } from "./api/routes.js";
import type { ServerContext } from "./context.js";
import { errorBody, STATUS_OF } from "./http-errors.js";
import { createWebRoutes } from "./web/routes.js";

export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.route("/api", createApiRoutes(ctx));
  app.route("/", createWebRoutes(ctx));
  app.onError((error, c) => {
    const code = isFactuallyError(error) ? error.code : "INTERNAL";
    const status = (STATUS_OF[code] ?? 500) as 500;
    const message =
      isFactuallyError(error) && code !== "INTERNAL"
        ? error.message
        : "something went wrong on the server; the request was not completed";
    if (code === "INTERNAL") console.error(error);
    return c.json(errorBody(code, message), status);
  });
  return app;
}
