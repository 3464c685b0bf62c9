// The pages' form posts, which work without the script: start a check (wait for it, then
// 303 to its page), refresh one (303 to what changed), rate one (303 back to the tally).
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { isFactuallyError } from "../../core/errors.js";
import type { ServerContext } from "../context.js";
import { isCrossSite } from "../cross-site.js";
import { toHttp } from "../http-errors.js";
import { loadCheck } from "./check-view.js";
import { checkRequestOf, type FeedbackForm, feedbackOf, versionNumber } from "./forms.js";
import { NO_CHECK, type PageResponses, sentence } from "./page-responses.js";
import { checkPath, versionPath } from "./paths.js";

export function addFormRoutes(app: Hono, ctx: ServerContext, pages: PageResponses): void {
  const { config } = ctx;

  /** Refused when the server is read-only or the form comes from another site. */
  const writable: MiddlewareHandler = async (c, next) => {
    if (pages.readOnly) {
      throw new HTTPException(403, {
        message:
          "This server takes checks and ratings only through its API, with its access token.",
      });
    }
    if (isCrossSite(c, { baseUrl: config.baseUrl })) {
      throw new HTTPException(403, {
        message:
          "This form was sent from another site, so it was refused. Use the form on this site.",
      });
    }
    await next();
  };
  const bounded = bodyLimit({
    maxSize: config.server.maxBodyBytes,
    onError: () => {
      throw new HTTPException(413, { message: "The form is too large to accept." });
    },
  });
  /** Counts a check for this client; the message to show when it is one too many. */
  const overLimit = async (c: Context): Promise<string | undefined> => {
    const client = getConnInfo(c).remote.address ?? "unknown";
    // The same budget as the API's: a client cannot double it by using both doors.
    const taken = await ctx.checkLimiter.take(client);
    if (taken.allowed) return undefined;
    c.header("Retry-After", String(taken.retryAfterSeconds));
    const n = config.server.checksPerMinute;
    return `You started ${n} check${n === 1 ? "" : "s"} in the last minute; wait ${taken.retryAfterSeconds} s and try again.`;
  };

  app.post("/check", writable, bounded, async (c) => {
    const form = checkRequestOf(await c.req.parseBody({ all: true }));
    try {
      // Inside the try: a shared limit that cannot be reached (Redis down) is shown as a 503.
      const refused = await overLimit(c);
      if (refused) return pages.home(c, { form, error: refused }, 429);
      const { job } = await ctx.checks.startCheck(form);
      const result = await job.done;
      return c.redirect(checkPath(result.checkId), 303);
    } catch (error) {
      const http = toHttp(error);
      if (http.code === "INTERNAL") throw error;
      if (http.log) console.error(error);
      for (const [name, value] of Object.entries(http.headers)) c.header(name, value);
      return pages.home(c, { form, error: sentence(http.message) }, http.status);
    }
  });

  app.post("/check/:id/refresh", writable, bounded, async (c) => {
    const id = c.req.param("id");
    if (!(await loadCheck(ctx, id, undefined)).found) return pages.notFound(c, NO_CHECK);
    const refused = await overLimit(c);
    if (refused) throw new HTTPException(429, { message: refused });
    const { checkId, job } = await ctx.checks.startRefresh(id);
    await job.done;
    return c.redirect(`${checkPath(checkId)}#changes`, 303);
  });

  app.post("/check/:id/feedback", writable, bounded, async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody({ all: true });
    let form: FeedbackForm;
    try {
      form = feedbackOf(body);
    } catch (error) {
      if (!isFactuallyError(error)) throw error;
      // The check page again, with the reason beside the form and the comment kept.
      const loaded = await loadCheck(ctx, id, versionNumber(stringField(body.v)));
      if (!loaded.found) return pages.notFound(c, loaded.message ?? NO_CHECK);
      const comment = stringField(body.comment);
      const note = {
        message: sentence(error.message),
        error: true,
        ...(comment ? { comment } : {}),
      };
      return pages.check(c, loaded.value, note, 400);
    }
    const loaded = await loadCheck(ctx, id, form.version);
    if (!loaded.found) return pages.notFound(c, loaded.message ?? NO_CHECK);
    const { version, latestN } = loaded.value;
    await ctx.engine.checks.addFeedback({
      checkId: version.checkId,
      version: version.n,
      helpful: form.helpful,
      ...(form.comment ? { comment: form.comment } : {}),
      createdAt: ctx.now().toISOString(),
    });
    const path = versionPath(version.checkId, version.n, latestN);
    return c.redirect(`${path}${path.includes("?") ? "&" : "?"}rated=1#feedback`, 303);
  });
}

function stringField(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
