// The server-rendered pages (placeholder until the pages land).
import { Hono } from "hono";
import type { ServerContext } from "../context.js";

export function createWebRoutes(_ctx: ServerContext): Hono {
  return new Hono();
}
