// The server-rendered pages: home, the check page and its versions, what changed, history,
// methodology, the two assets, the form posts, and error pages. Every form works without the
// script; every page carries the security headers.
import { Hono } from "hono";
import { freshnessDaysOf, isStale } from "../../records/staleness.js";
import { verdictChanges } from "../../records/verdict-change.js";
import { countView } from "../check-views-count.js";
import type { ServerContext } from "../context.js";
import { aboutPage } from "./about-page.js";
import { addAccountRoutes } from "./account-routes.js";
import { assetFor } from "./assets.js";
import { changesPage } from "./changes-page.js";
import { loadChanges, loadCheck } from "./check-view.js";
import { addFormRoutes } from "./form-routes.js";
import { versionNumber } from "./forms.js";
import { historyVisits, recordHistoryVisit } from "./history-look.js";
import { historyPage } from "./history-page.js";
import { NO_CHECK, pageResponses } from "./page-responses.js";
import { pageHeaders } from "./security.js";

const HISTORY_PAGE = 20;
/** Longest `?q=` the home page fills in (the check itself refuses more than its limit). */
const MAX_PREFILL = 4000;

export function createWebRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const { config } = ctx;
  const pages = pageResponses(ctx);
  const appVersion = ctx.version;

  app.use("*", pageHeaders);

  app.get("/assets/:name", (c) => {
    const found = assetFor(c.req.path);
    if (!found) return pages.notFound(c);
    const { asset, immutable } = found;
    c.header("ETag", asset.etag);
    c.header(
      "Cache-Control",
      immutable ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    );
    if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
    c.header("Content-Type", asset.contentType);
    return c.body(asset.body);
  });

  app.get("/", (c) => pages.home(c, { text: (c.req.query("q") ?? "").slice(0, MAX_PREFILL) }));

  // A reload of a refused POST /check lands here.
  app.get("/check", (c) => c.redirect("/", 303));

  app.get("/check/:id", async (c) => {
    const loaded = await loadCheck(ctx, c.req.param("id"), versionNumber(c.req.query("v")));
    if (!loaded.found) return pages.notFound(c, loaded.message ?? NO_CHECK);
    await countView(ctx, loaded.value.stored.check.id);
    const rated = c.req.query("rated") === "1";
    return pages.check(c, loaded.value, rated ? THANKS : undefined);
  });

  app.get("/check/:id/changes", async (c) => {
    const loaded = await loadChanges(
      ctx,
      c.req.param("id"),
      versionNumber(c.req.query("from")),
      versionNumber(c.req.query("to")),
    );
    if (!loaded.found) return pages.notFound(c, loaded.message ?? NO_CHECK);
    const { stored, from, to, diff } = loaded.value;
    return pages.html(c, changesPage({ check: stored.check, from, to, diff, appVersion }));
  });

  addFormRoutes(app, ctx, pages);
  addAccountRoutes(app, ctx, pages);

  app.get("/checks", async (c) => {
    const cursor = c.req.query("cursor");
    const result = await ctx.engine.checks.listChecks({
      limit: HISTORY_PAGE,
      ...(cursor ? { cursor } : {}),
    });
    const now = ctx.now();
    // The last visit: an older page compares with the visit before the one that listed the
    // first page (which moved the latest visit to now).
    const visits = historyVisits(c);
    const lookedAt = cursor ? visits.previous : visits.latest;
    const changes = await verdictChanges(ctx.engine.checks, result.checks, lookedAt);
    if (!cursor) recordHistoryVisit(c, visits, now);
    const lines = result.checks.map((summary) => {
      const days = freshnessDaysOf(summary.check, config.freshnessDays);
      const change = changes.get(summary.check.id);
      return {
        ...summary,
        stale: isStale(summary.latest.checkedAt, days, now),
        ...(change ? { changedSinceLastLook: change } : {}),
      };
    });
    const body = historyPage({
      lines,
      ...(lookedAt ? { lookedAt } : {}),
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      paged: cursor !== undefined,
      appVersion,
    });
    return pages.html(c, body);
  });

  app.get("/about", (c) => {
    const hasModel = config.llm !== undefined;
    return pages.html(c, aboutPage({ freshnessDays: config.freshnessDays, hasModel, appVersion }));
  });

  app.all("*", (c) => {
    // An unknown API address (when the API has no catch-all of its own) gets JSON, not a page.
    if (c.req.path === "/api" || c.req.path.startsWith("/api/")) {
      const error = { code: "NOT_FOUND", message: `no API endpoint ${c.req.path}` };
      return c.json({ error }, 404);
    }
    return pages.notFound(c);
  });

  app.onError(pages.onError);
  return app;
}

const THANKS = { message: "Thank you: your rating was recorded.", error: false };
