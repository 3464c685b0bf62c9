// The JSON API under /api: CORS (when origins are configured), 405 for a known path with
// another method, the endpoints of the operation table — writes behind the bearer token or the
// cross-site check and JSON-only bounded bodies, checks limited per client — and a JSON 404
// for the rest.
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { ServerContext } from "../context.js";
import { apiError, apiErrorHandler } from "./api-errors.js";
import { authorizeWrite } from "./authorize.js";
import { requireBearerToken } from "./bearer-token.js";
import { guardRequestBody } from "./body-guard.js";
import { checkHandlers } from "./check-handlers.js";
import { refuseCrossSite } from "./cross-site-guard.js";
import { OPERATIONS, type Operation, type OperationId } from "./operations.js";
import { admitClient, allowance, BYTES, CHECKS, RATINGS, REFRESHES } from "./rate-limit.js";
import { recordHandlers } from "./record-handlers.js";
import { serviceHandlers } from "./service-handlers.js";

/** The API app, mounted at /api by createApp. */
export function createApiRoutes(ctx: ServerContext): Hono {
  const { server } = ctx.config;
  const api = new Hono();
  api.onError(apiErrorHandler);

  if (server.corsOrigins.length > 0) {
    api.use(
      "*",
      cors({
        origin: (origin) => (server.corsOrigins.includes(origin) ? origin : null),
        allowMethods: ["GET", "HEAD", "POST"],
        allowHeaders: ["Content-Type", "Authorization", "Accept"],
        exposeHeaders: ["Retry-After", "X-Factually-Warning"],
        maxAge: 600,
      }),
    );
  }
  api.use(
    "*",
    methodNotAllowed({
      app: api,
      onMethodNotAllowed: (c, methods) =>
        apiError(
          c,
          "METHOD_NOT_ALLOWED",
          `${c.req.method} is not allowed on ${c.req.path}; it answers ${methods.join(", ")}`,
          { Allow: methods.join(", ") },
        ),
    }),
  );

  // Writes pass the token check, then the cross-site check (whatever the body, even none) —
  // with accounts, the role, session and CSRF checks instead (authorize.ts) — then the body
  // checks; a request for an unknown path meets none of them and gets its 404.
  // The handlers that start checks apply the per-client limit.
  const token = requireBearerToken(server.apiToken);
  const sameSite = refuseCrossSite(server.apiToken, {
    baseUrl: ctx.config.baseUrl,
    trusted: server.corsOrigins,
  });
  const body = guardRequestBody(server.maxBodyBytes);
  const { limits } = ctx;
  const handlers: Record<OperationId, (c: Context) => Promise<Response>> = {
    ...checkHandlers(ctx, {
      checks: admitClient(limits.checks, `start ${allowance(server.checksPerMinute, CHECKS)}`),
      refreshes: admitClient(
        limits.refreshes,
        `start ${allowance(server.refreshesPerMinute, REFRESHES)}`,
      ),
    }),
    ...recordHandlers(ctx, {
      ratings: admitClient(limits.ratings, `send ${allowance(server.ratingsPerMinute, RATINGS)}`),
      commentBytes: admitClient(
        limits.commentBytes,
        `send ${allowance(server.commentBytesPerHour, BYTES, "hour")} of comments`,
      ),
    }),
    ...serviceHandlers(ctx),
  };
  const own = { baseUrl: ctx.config.baseUrl, trusted: server.corsOrigins };
  for (const [id, operation] of Object.entries(OPERATIONS) as [OperationId, Operation][]) {
    const guards: MiddlewareHandler[] =
      operation.method === "GET"
        ? []
        : [authorizeWrite(operation.role, { token, sameSite }, own), body];
    api.on(operation.method, [operation.path], ...guards, handlers[id]);
  }

  api.all("*", (c) =>
    apiError(
      c,
      "NOT_FOUND",
      `there is no API endpoint ${c.req.path}; the endpoints are listed at /api/openapi.json`,
    ),
  );
  return api;
}
