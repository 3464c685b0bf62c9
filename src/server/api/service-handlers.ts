// The corpus search and the service's own endpoints: health (liveness), ready (the store
// answers), and the OpenAPI description.
import type { Context } from "hono";
import type { z } from "zod";
import { FactuallyError } from "../../core/errors.js";
import { isPostgresUrl } from "../../text/database-url.js";
import { words } from "../../text/query-terms.js";
import type { ServerContext } from "../context.js";
import { toHttp } from "../http-errors.js";
import { buildOpenApiDocument } from "./openapi.js";
import { SearchQuery } from "./request-schemas.js";
import type { Health, NotReady, Ready, SearchResults } from "./response-schemas.js";
import { queryParams } from "./validate.js";

/** Handlers of search, health, readiness and the OpenAPI document, by operation id. */
export function serviceHandlers(ctx: ServerContext) {
  // A monotonic clock: uptime must not jump when the wall clock is set.
  const startedAt = performance.now();
  let openApi: Record<string, unknown> | undefined;

  return {
    async searchCorpus(c: Context): Promise<Response> {
      const { q, limit } = queryParams(c, SearchQuery);
      if (words(q).length === 0) {
        throw new FactuallyError(
          "BAD_INPUT",
          `q: "${q.slice(0, 100)}" has no words (only punctuation or symbols); search for words or numbers`,
        );
      }
      const results = await ctx.engine.corpus.searchCorpus(q, { limit, signal: c.req.raw.signal });
      // As `factually search --json`, without `db`: the server's file paths are not the
      // client's business.
      const body: z.infer<typeof SearchResults> = {
        query: q,
        results: results.map((result, i) => ({
          rank: i + 1,
          score: result.score,
          ...result.document,
          passage: result.passage,
        })),
      };
      return c.json(body);
    },

    async getHealth(c: Context): Promise<Response> {
      const body: z.infer<typeof Health> = {
        status: "ok",
        version: ctx.version,
        uptimeSeconds: Math.floor((performance.now() - startedAt) / 1000),
      };
      return c.json(body);
    },

    async getReady(c: Context): Promise<Response> {
      let corpus: z.infer<typeof Ready>["corpus"];
      let checks: z.infer<typeof Ready>["checks"];
      try {
        corpus = await ctx.engine.corpus.corpusStats();
        const [counts, workers] = await Promise.all([
          ctx.checks.counts(),
          ctx.checks.runner.workers(),
        ]);
        checks = { ...counts, on: ctx.checks.runner.where, workers };
      } catch (error) {
        // A named store fault (damaged, read-only, full, busy) or an unreachable Redis says what
        // its operator must do: one line in the log, not a stack per probe.
        const named =
          FactuallyError.isInstance(error) && (error.isStoreFault || error.code === "UNAVAILABLE");
        console.error(named ? `factually: not ready: ${error.message}` : error);
        const body: z.infer<typeof NotReady> = {
          ready: false,
          error: named
            ? { code: error.code, message: toHttp(error).message }
            : { code: "STORE_FAILED", message: "the store does not answer; see the server's log" },
        };
        return c.json(body, 503);
      }
      const body: z.infer<typeof Ready> = {
        ready: true,
        checks,
        database: isPostgresUrl(ctx.config.db) ? "postgres" : "sqlite",
        ...(checks.on === "queue" ? { redis: "ok" as const } : {}),
        corpus: { documents: corpus.documents, passages: corpus.passages },
      };
      return c.json(body);
    },

    async getOpenApi(c: Context): Promise<Response> {
      openApi ??= buildOpenApiDocument({
        version: ctx.version,
        bearer: ctx.config.server.apiToken !== undefined,
        ...(ctx.config.baseUrl ? { baseUrl: ctx.config.baseUrl } : {}),
      });
      return c.json(openApi);
    },
  };
}
