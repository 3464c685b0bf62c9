// The JSON API (placeholder until the routes land).
import { Hono } from "hono";
import type { ServerContext } from "../context.js";

export function createApiRoutes(_ctx: ServerContext): Hono {
  return new Hono();
}
